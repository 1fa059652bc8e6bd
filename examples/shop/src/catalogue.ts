/**
 * The shop's fictional catalogue: twelve children's garments. Prices are in euro cents; a
 * product with no stock left stays listed in its collection but cannot be bought.
 */
import type { ShopLanguage } from "./shop-texts.ts";

export type Collection = "clothes" | "shoes" | "accessories";

export interface Product {
  readonly slug: string;
  readonly name: Readonly<Record<ShopLanguage, string>>;
  readonly description: Readonly<Record<ShopLanguage, string>>;
  readonly collection: Collection;
  readonly priceCents: number;
  readonly stock: number;
  readonly sizes: readonly string[];
  /** Drawing of the product image: garment shape and its two colours. */
  readonly shape: "dress" | "sweater" | "trousers" | "coat" | "shoe" | "hat";
  readonly colours: readonly [string, string];
}

export const COLLECTIONS: readonly Collection[] = ["clothes", "shoes", "accessories"];

export const CATALOGUE: readonly Product[] = [
  {
    slug: "robe-coquelicot",
    name: { fr: "Robe Coquelicot", en: "Poppy dress" },
    description: {
      fr: "Robe en coton biologique imprimée de coquelicots, boutonnée dans le dos.",
      en: "Organic cotton dress printed with poppies, buttoned at the back.",
    },
    collection: "clothes",
    priceCents: 5900,
    stock: 8,
    sizes: ["2 ans", "4 ans", "6 ans"],
    shape: "dress",
    colours: ["#c8553d", "#f2d0a4"],
  },
  {
    slug: "pull-marin",
    name: { fr: "Pull Marin", en: "Sailor sweater" },
    description: {
      fr: "Pull rayé en laine mérinos, col rond, doux pour les peaux sensibles.",
      en: "Striped merino wool sweater with a round neck, soft on sensitive skin.",
    },
    collection: "clothes",
    priceCents: 6500,
    stock: 5,
    sizes: ["3 ans", "5 ans", "8 ans"],
    shape: "sweater",
    colours: ["#1d3557", "#f1faee"],
  },
  {
    slug: "salopette-noisette",
    name: { fr: "Salopette Noisette", en: "Hazelnut dungarees" },
    description: {
      fr: "Salopette en velours côtelé, bretelles réglables, poches plaquées.",
      en: "Corduroy dungarees with adjustable straps and patch pockets.",
    },
    collection: "clothes",
    priceCents: 5400,
    stock: 12,
    sizes: ["18 mois", "2 ans", "3 ans"],
    shape: "trousers",
    colours: ["#8d5b3a", "#e9c46a"],
  },
  {
    slug: "manteau-flocon",
    name: { fr: "Manteau Flocon", en: "Snowflake coat" },
    description: {
      fr: "Manteau matelassé déperlant, capuche amovible, doublure polaire.",
      en: "Water-repellent quilted coat with a removable hood and a fleece lining.",
    },
    collection: "clothes",
    priceCents: 11900,
    stock: 3,
    sizes: ["4 ans", "6 ans", "8 ans"],
    shape: "coat",
    colours: ["#457b9d", "#a8dadc"],
  },
  {
    slug: "robe-lavande",
    name: { fr: "Robe Lavande", en: "Lavender dress" },
    description: {
      fr: "Robe smockée en lin lavé, manches ballon.",
      en: "Smocked washed-linen dress with puff sleeves.",
    },
    collection: "clothes",
    priceCents: 6900,
    stock: 0,
    sizes: ["2 ans", "4 ans"],
    shape: "dress",
    colours: ["#9d8ec7", "#f4f1fb"],
  },
  {
    slug: "sweat-renard",
    name: { fr: "Sweat Renard", en: "Fox sweatshirt" },
    description: {
      fr: "Sweat molletonné brodé d’un petit renard, coton biologique.",
      en: "Fleece sweatshirt embroidered with a little fox, organic cotton.",
    },
    collection: "clothes",
    priceCents: 4200,
    stock: 9,
    sizes: ["3 ans", "4 ans", "6 ans", "8 ans"],
    shape: "sweater",
    colours: ["#e76f51", "#264653"],
  },
  {
    slug: "pantalon-sable",
    name: { fr: "Pantalon Sable", en: "Sand trousers" },
    description: {
      fr: "Pantalon en toile de coton, taille élastiquée, revers cousus.",
      en: "Cotton canvas trousers with an elastic waist and sewn turn-ups.",
    },
    collection: "clothes",
    priceCents: 3900,
    stock: 14,
    sizes: ["2 ans", "4 ans", "6 ans"],
    shape: "trousers",
    colours: ["#d4a373", "#fefae0"],
  },
  {
    slug: "bottines-cannelle",
    name: { fr: "Bottines Cannelle", en: "Cinnamon boots" },
    description: {
      fr: "Bottines en cuir tanné végétal, fermeture à glissière, semelle souple.",
      en: "Vegetable-tanned leather boots with a zip and a flexible sole.",
    },
    collection: "shoes",
    priceCents: 7900,
    stock: 4,
    sizes: ["24", "26", "28", "30"],
    shape: "shoe",
    colours: ["#9c6644", "#ede0d4"],
  },
  {
    slug: "baskets-comete",
    name: { fr: "Baskets Comète", en: "Comet trainers" },
    description: {
      fr: "Baskets en toile à scratch, semelle caoutchouc naturel.",
      en: "Canvas trainers with hook-and-loop straps and a natural rubber sole.",
    },
    collection: "shoes",
    priceCents: 4900,
    stock: 7,
    sizes: ["22", "25", "27", "31"],
    shape: "shoe",
    colours: ["#2a9d8f", "#f4f4f4"],
  },
  {
    slug: "chaussons-nuage",
    name: { fr: "Chaussons Nuage", en: "Cloud slippers" },
    description: {
      fr: "Chaussons en laine bouillie, semelle antidérapante.",
      en: "Boiled wool slippers with a non-slip sole.",
    },
    collection: "shoes",
    priceCents: 2900,
    stock: 11,
    sizes: ["20", "22", "24"],
    shape: "shoe",
    colours: ["#b8c0ff", "#ffffff"],
  },
  {
    slug: "bonnet-pompon",
    name: { fr: "Bonnet Pompon", en: "Pompom beanie" },
    description: {
      fr: "Bonnet côtelé en laine d’agneau avec son pompon.",
      en: "Ribbed lambswool beanie with its pompom.",
    },
    collection: "accessories",
    priceCents: 2500,
    stock: 0,
    sizes: ["S", "M"],
    shape: "hat",
    colours: ["#f4a261", "#fff3e0"],
  },
  {
    slug: "chapeau-soleil",
    name: { fr: "Chapeau Soleil", en: "Sun hat" },
    description: {
      fr: "Chapeau de soleil en coton avec protège-nuque.",
      en: "Cotton sun hat with a neck flap.",
    },
    collection: "accessories",
    priceCents: 2200,
    stock: 0,
    sizes: ["S", "M", "L"],
    shape: "hat",
    colours: ["#e9c46a", "#fffbea"],
  },
];

export function productBySlug(slug: string): Product | undefined {
  return CATALOGUE.find((product) => product.slug === slug);
}

export function isAvailable(product: Product): boolean {
  return product.stock > 0;
}

/** Products whose name or description contains every word of the query, in either language. */
export function searchCatalogue(query: string): Product[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return CATALOGUE.filter((product) => {
    const text = normalise(
      [product.name.fr, product.name.en, product.description.fr, product.description.en].join(" "),
    );
    return words.every((word) => text.includes(word));
  });
}

function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

export function formatPrice(cents: number, language: ShopLanguage): string {
  return new Intl.NumberFormat(language === "fr" ? "fr-FR" : "en-GB", {
    style: "currency",
    currency: "EUR",
  }).format(cents / 100);
}
