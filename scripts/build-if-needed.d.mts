export declare const root: string;
export declare const nextBin: string;
export declare function needsBuild(): boolean;
export declare function ensureBuild(opts?: { quiet?: boolean }): boolean;
export declare function ensureBuildLocked(opts?: { quiet?: boolean }): Promise<boolean>;
