import coreWebVitals from "eslint-config-next/core-web-vitals";
import typescript from "eslint-config-next/typescript";

const config = [
  ...coreWebVitals,
  ...typescript,
  {
    ignores: [".next/**", "node_modules/**", "public/vendor/**", "bench/reference-servers/**", "bench/results/**", "server/db/generated/**", "scratch/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "dist/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The pure, isomorphic core must stay free of Node and the DOM.
    files: ["core/**/*.ts"],
    ignores: ["core/**/*.test.ts", "core/**/*.test-*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["node:*", "fs", "path", "react", "react-dom", "next", "next/*", "jsdom"] }],
      "no-restricted-globals": ["error", "window", "document", "localStorage", "process", "Buffer"],
    },
  },
  {
    // Components run in the browser and speak to the server only through the REST contract.
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/server/*", "**/server/*"], message: "Components use the REST contract's shapes from core/api/, never server modules." }] }],
    },
  },
];

export default config;
