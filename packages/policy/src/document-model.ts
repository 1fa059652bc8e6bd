/**
 * The policy document as a tree of blocks and inline content, independent of the output format.
 * Every string in it is plain text: the HTML and Markdown writers escape it, so a configuration
 * string can never become markup. Only the writers produce markup, from the node kinds below.
 */

export type Inline =
  | string
  | { readonly kind: "code"; readonly text: string }
  | { readonly kind: "strong"; readonly text: string }
  | { readonly kind: "link"; readonly text: string; readonly href: string; readonly language?: string }
  /** A link that opens the SDK's preferences dialog (`data-macaron-open`). */
  | { readonly kind: "preferences"; readonly text: string; readonly href: string }
  | { readonly kind: "time"; readonly text: string; readonly datetime: string }
  | { readonly kind: "break" };

export type InlineContent = readonly Inline[];

export type Block =
  | { readonly kind: "paragraph"; readonly content: InlineContent }
  | { readonly kind: "list"; readonly items: readonly InlineContent[] }
  | {
      readonly kind: "table";
      readonly id: string;
      readonly columns: readonly string[];
      readonly rows: readonly (readonly InlineContent[])[];
      /** The first cell of each row names the row (`<th scope="row">`). */
      readonly rowHeaders: boolean;
    }
  | {
      readonly kind: "subsection";
      readonly id: string;
      readonly title: string;
      readonly blocks: readonly Block[];
    };

export interface PolicySection {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface PolicyDocument {
  readonly language: string;
  readonly title: string;
  readonly siteName: string;
  readonly siteUrl: string;
  /** "Last updated on … (revision …)", under the title as in the seed policy. */
  readonly updated: InlineContent;
  readonly sections: readonly PolicySection[];
}

/** The plain text of inline content (for tests, titles and search). */
export function plainText(content: InlineContent): string {
  return content
    .map((node) => (typeof node === "string" ? node : node.kind === "break" ? " " : node.text))
    .join("");
}
