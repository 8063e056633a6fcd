/** Types of chromium.mjs: Debian's headless Chromium, launched one way by every PartnerKit tool. */
import type { Browser, LaunchOptions } from 'puppeteer-core';

/** Where a Chromium is looked for, in order, when CHROME_PATH is not set. */
export declare const CHROMIUM_CANDIDATES: readonly string[];
/** Flags that keep Chromium off the closed network and every page running at full speed. */
export declare const CHROMIUM_ARGS: readonly string[];
/** CHROME_PATH if it exists, else the first candidate that does, else null. */
export declare function findChromium(): string | null;
/** The Chromium to drive, or an error that says how to get one. */
export declare function chromiumPath(): string;
/** Puppeteer launch options: that Chromium, headless, with {@link CHROMIUM_ARGS}. */
export declare function chromiumLaunchOptions(): LaunchOptions & { executablePath: string; headless: true; args: string[] };
/** Launches Chromium through puppeteer-core in a fresh profile under `tmpDir` (default: the OS's); `close()` removes the profile too. */
export declare function launchChromium(options?: { tmpDir?: string }): Promise<{ browser: Browser; close(): Promise<void> }>;
