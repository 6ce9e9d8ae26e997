// Every screen of the app, one address each: the screen tests and scripts/screenshots.mjs walk it.
export const SCREENS = [
  "/rights",
  "/rights/police-check",
  "/hotlines",
  "/hotlines/kg-embassy-moscow",
  "/checklists",
  "/checklists/kg-kz-worker-arrival",
  "/help",
  "/more",
  "/share",
  "/share/poster",
];
