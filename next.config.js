// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Tests and the build's type check use the same tsconfig; fail the build on type errors.
  typescript: { ignoreBuildErrors: false },
  // Native addons the sandbox endpoint loads at run time; never bundle them.
  serverExternalPackages: ['better-sqlite3', '@node-rs/crc32', 'snappy', 'lz4-napi', 'zstd-napi'],
};

module.exports = nextConfig;
