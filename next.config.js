// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The build type-checks the app only; `npm test` type-checks everything, tests included.
  typescript: { ignoreBuildErrors: false, tsconfigPath: 'tsconfig.build.json' },
  // Native addons the sandbox endpoint loads at run time; never bundle them.
  serverExternalPackages: ['better-sqlite3', '@node-rs/crc32', 'snappy', 'lz4-napi', 'zstd-napi'],
  compiler: {
    // The start-up chunks get V8's explicit compile hint (scripts/compile-hints.mjs): compiled off the main thread.
    runAfterProductionCompile: async ({ distDir }) => {
      const { addCompileHints } = await import('./scripts/compile-hints.mjs');
      addCompileHints(distDir);
    },
  },
};

module.exports = nextConfig;
