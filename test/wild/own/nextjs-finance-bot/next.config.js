/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  env: {
    W1_HOST: 'https://api.web1on1.chat',
    W1_TOKEN: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI2NWIxMTIyMzM0NDU1NjY3Nzg4OTlhYWIiLCJyb2xlIjoiYm90Iiwib3JnIjoiNjViMTEyMjMzNDQ1NTY2Nzc4ODk5YTAwIn0.Lr3mW0xQvT6yBz1eK9pN4sD2fH8jG5aU7cR0tY3iO1w',
  },
};

module.exports = nextConfig;
