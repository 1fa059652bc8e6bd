/**
 * The preferences dialog (a modal `<dialog>`, built on each opening): a switch per consent
 * category (necessary shown, locked on), all off until a decision exists; inside each category,
 * a switch per service with its provider, purpose, privacy link and cookies with their retention;
 * Save, Accept all, Reject all. Focus moves in, stays in, Esc closes, focus returns.
 */
import type { NoticeCategory, NoticeService } from "@macaron/core";
import { config, decision, exemptIds, gpcSignal, notice } from "../context.ts";
import { acceptAll, type Choices, decide, rejectAll } from "../decide.ts";
import { fill, h, newId } from "./dom.ts";
import { deepActiveElement, focusables, trapFocus } from "./focus.ts";
import { uiRoot } from "./root.ts";

const CHECKED = "aria-checked";
let dialog: HTMLDialogElement | undefined;

function isOn(toggle: Element): boolean {
  return toggle.getAttribute(CHECKED) === "true";
}

function setOn(toggle: Element, on: boolean): void {
  toggle.setAttribute(CHECKED, String(on));
}

/** A switch: a button, so that Enter and Space both toggle it. */
function switchFor(label: string, on: boolean, locked: boolean, onToggle: (on: boolean) => void) {
  const toggle = h("button", { type: "button", role: "switch", class: "s", "aria-label": label });
  setOn(toggle, on);
  toggle.disabled = locked;
  toggle.onclick = () => {
    setOn(toggle, !isOn(toggle));
    onToggle(isOn(toggle));
  };
  return toggle;
}

function serviceDetails(service: NoticeService, toggle: HTMLElement | false): HTMLElement {
  const texts = notice.texts;
  return h(
    "div",
    { class: "v" },
    h("div", { class: "h" }, h("h4", null, service.name), toggle),
    h("p", { class: "n" }, `${texts.provider}: ${service.provider}. ${texts.purpose}: ${service.purposes}`),
    service.privacyPolicyUrl && h("a", { class: "n", href: service.privacyPolicyUrl }, texts.privacyPolicy),
    h(
      "ul",
      { class: "n", "aria-label": texts.cookies },
      ...service.cookies.map((item) =>
        h(
          "li",
          null,
          `${item.name ?? item.pattern} (${texts.retention}: ${item.retention}): ${item.description}`,
        ),
      ),
    ),
  );
}

function build(): HTMLDialogElement {
  const texts = notice.texts;
  const titleId = newId();
  const categoryToggles: [string, HTMLElement][] = [];
  const serviceToggles: [NoticeService, HTMLElement][] = [];
  const section = (category: NoticeCategory) => {
    const locked = exemptIds.includes(category.id);
    const on = locked || decision?.categories[category.id] === true;
    const toggle = switchFor(category.name, on, locked, (now) => {
      for (const [service, serviceToggle] of serviceToggles)
        if (service.category === category.id) setOn(serviceToggle, now);
    });
    categoryToggles.push([category.id, toggle]);
    const services = notice.services.filter((service) => service.category === category.id);
    return h(
      "section",
      { class: "c" },
      h(
        "div",
        { class: "h" },
        h("h3", null, category.name),
        locked && h("span", { class: "n" }, texts.alwaysOn),
        toggle,
      ),
      h("p", null, category.description),
      h("p", { class: "n" }, category.legalBasis),
      gpcSignal && config.gpc.refuse.includes(category.id) && h("p", { class: "n" }, texts.gpcNotice),
      services.length > 0 &&
        h(
          "details",
          null,
          h("summary", null, `${texts.cookies} (${services.length})`),
          ...services.map((service) => {
            const serviceToggle =
              !locked &&
              switchFor(service.name, on && decision?.services[service.id] !== false, false, (now) => {
                if (now) setOn(toggle, true);
              });
            if (serviceToggle) serviceToggles.push([service, serviceToggle]);
            return serviceDetails(service, serviceToggle);
          }),
        ),
    );
  };
  const save = () => {
    const categories: Choices = {};
    for (const [id, toggle] of categoryToggles) categories[id] = isOn(toggle);
    const services: Choices = {};
    for (const [service, toggle] of serviceToggles) services[service.id] = isOn(toggle);
    // Each category switched on here is the visitor's specific choice.
    decide(
      categories,
      "custom",
      "preferences",
      services,
      Object.keys(categories).filter((id) => categories[id]),
    );
  };
  const actions = {
    reject: h(
      "button",
      { type: "button", class: "k", onclick: () => rejectAll("preferences") },
      texts.rejectAll,
    ),
    accept: h(
      "button",
      { type: "button", class: "k", onclick: () => acceptAll("preferences") },
      texts.acceptAll,
    ),
  };
  const element = h(
    "dialog",
    { "aria-labelledby": titleId, lang: notice.language },
    h("button", { type: "button", class: "x", onclick: () => element.close() }, texts.close),
    h("h2", { id: titleId }, texts.preferencesTitle),
    h(
      "p",
      null,
      `${fill(texts.preferencesText, { validity: notice.consentValidity })} `,
      h("a", { href: notice.site.cookiePolicyUrl }, texts.policyLink),
    ),
    ...notice.categories.map(section),
    h(
      "div",
      { class: "r" },
      h("button", { type: "button", class: "k", onclick: save }, texts.save),
      ...config.buttons.flatMap((button) => (button === "customize" ? [] : [actions[button]])),
    ),
  );
  return element;
}

export function showPreferences(): void {
  if (dialog?.open) return;
  const opener = deepActiveElement();
  dialog = build();
  trapFocus(dialog);
  dialog.addEventListener("close", () => {
    dialog?.remove();
    opener?.focus();
  });
  uiRoot().append(dialog);
  dialog.showModal();
  focusables(dialog)[0]?.focus();
}

export function closePreferences(): void {
  dialog?.close();
}
