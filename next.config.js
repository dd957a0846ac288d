// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Tests and the build's type check use the same tsconfig; fail the build on type errors.
  typescript: { ignoreBuildErrors: false },
};

module.exports = nextConfig;
