/**
 * How to delete or block cookies in the major browsers, with each vendor's own help page (the
 * pages the CNIL points to in "Cookies : les outils pour les maîtriser"). Menu paths name the
 * desktop versions current in 2025; the help pages stay right when the menus move.
 */
import type { PolicyLanguage } from "./texts.ts";

export interface BrowserHelp {
  readonly id: "chrome" | "firefox" | "safari" | "edge";
  readonly name: string;
  readonly steps: Record<PolicyLanguage, string>;
  readonly help: Record<PolicyLanguage, string>;
}

export const BROWSERS: readonly BrowserHelp[] = [
  {
    id: "chrome",
    name: "Google Chrome",
    steps: {
      fr: "menu ⋮ › Paramètres › Confidentialité et sécurité › Cookies tiers (pour les bloquer) ou Supprimer les données de navigation (pour les supprimer)",
      en: "menu ⋮ › Settings › Privacy and security › Third-party cookies (to block them) or Delete browsing data (to delete them)",
    },
    help: {
      fr: "https://support.google.com/chrome/answer/95647?hl=fr",
      en: "https://support.google.com/chrome/answer/95647?hl=en",
    },
  },
  {
    id: "firefox",
    name: "Mozilla Firefox",
    steps: {
      fr: "menu ☰ › Paramètres › Vie privée et sécurité › Cookies et données de sites",
      en: "menu ☰ › Settings › Privacy & Security › Cookies and Site Data",
    },
    help: {
      fr: "https://support.mozilla.org/fr/kb/effacer-cookies-donnees-site-firefox",
      en: "https://support.mozilla.org/en-US/kb/clear-cookies-and-site-data-firefox",
    },
  },
  {
    id: "safari",
    name: "Apple Safari",
    steps: {
      fr: "Safari › Réglages › Confidentialité › Bloquer tous les cookies, ou Gérer les données de sites web (pour les supprimer)",
      en: "Safari › Settings › Privacy › Block all cookies, or Manage Website Data (to delete them)",
    },
    help: {
      fr: "https://support.apple.com/fr-fr/guide/safari/sfri11471/mac",
      en: "https://support.apple.com/en-us/guide/safari/sfri11471/mac",
    },
  },
  {
    id: "edge",
    name: "Microsoft Edge",
    steps: {
      fr: "menu … › Paramètres › Cookies et autorisations de site › Gérer et supprimer les cookies et les données du site",
      en: "menu … › Settings › Cookies and site permissions › Manage and delete cookies and site data",
    },
    help: {
      fr: "https://support.microsoft.com/fr-fr/microsoft-edge/supprimer-les-cookies-dans-microsoft-edge-63947406-40ac-c3b8-57b9-2a946a29ae09",
      en: "https://support.microsoft.com/en-us/microsoft-edge/delete-cookies-in-microsoft-edge-63947406-40ac-c3b8-57b9-2a946a29ae09",
    },
  },
];
