/** The visitor's language: `<html lang>`, then the browser's languages, then the configured default. */

/** The configured language for a tag, exactly or by its primary subtag (en-GB → en). */
function configured(languages: readonly string[], tag: string | undefined): string | undefined {
  const wanted = tag?.toLowerCase();
  if (!wanted) return undefined;
  return (
    languages.find((language) => language.toLowerCase() === wanted) ??
    languages.find((language) => language.toLowerCase() === wanted.split("-")[0])
  );
}

export function chooseLanguage(languages: readonly string[], fallback: string): string {
  return (
    configured(languages, document.documentElement.lang) ??
    navigator.languages.map((tag) => configured(languages, tag)).find(Boolean) ??
    fallback
  );
}
