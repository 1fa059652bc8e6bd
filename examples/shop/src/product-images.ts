/** Product pictures drawn as SVG from each product's shape and colours: nothing downloaded. */
import type { Product } from "./catalogue.ts";

const SHAPES: Record<Product["shape"], string> = {
  dress: "M70 30h60l10 30-15 8 25 92H50l25-92-15-8z",
  sweater: "M65 35h70l40 30-15 25-20-12v92H60V78L40 90 25 65z",
  trousers: "M60 35h80l8 135h-38l-10-95-10 95H52z",
  coat: "M62 30h76l37 35-15 20-17-10v100H57V75L40 85 25 65zM100 30v145",
  shoe: "M40 110V70h45v25c20 8 55 10 75 25v25H40z",
  hat: "M45 125c0-45 25-75 55-75s55 30 55 75zM30 125h140v20H30z",
};

export function productSvg(product: Product): string {
  const [main, background] = product.colours;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" role="img" aria-hidden="true">
<rect width="200" height="200" fill="${background}"/>
<path d="${SHAPES[product.shape]}" fill="${main}" stroke="#2b2b2b" stroke-width="3" stroke-linejoin="round"/>
</svg>`;
}
