/** @macaron/scanner: audits a live site against its declared cookie policy in headless Chromium. */
export {};
