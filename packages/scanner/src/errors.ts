/** The scanner's errors, documented in docs/errors.md. */
import { type ErrorDefinition, errorFactory } from "@macaron/core";

export const SCANNER_ERRORS = {
  SCANNER_NO_BROWSER: {
    status: 500,
    message: "Chromium was not found; the scanner never downloads a browser.",
    hint: "Install Debian's package (apt-get install -y chromium) or set MACARON_CHROMIUM to its path.",
  },
  SCANNER_BAD_URL: {
    status: 400,
    message: "The URL to scan is not an http(s) URL.",
    hint: "Pass the site's home page, e.g. https://shop.example/.",
  },
  SCANNER_BAD_KB: {
    status: 400,
    message: "The Open Cookie Database file could not be read.",
    hint: "Pass the open-cookie-database.csv file of https://github.com/jkwakman/Open-Cookie-Database with --kb.",
  },
} as const satisfies Record<string, ErrorDefinition>;

export const scannerError = errorFactory(SCANNER_ERRORS);
