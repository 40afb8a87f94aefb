/** The one Chromium launch setting (chromium.mjs), typed for TypeScript callers. */
export declare const chromium: { executablePath: string; args: string[] };
