// Light, dark, or whatever the system prefers: chosen once, remembered in this browser, and
// applied as `data-theme` on <html>, which app/globals.css reads.
export type ThemePreference = "light" | "dark" | "system";

export const THEME_STORAGE_KEY = "podium.theme";

export function loadThemePreference(): ThemePreference {
  const stored = localStorage.getItem(THEME_STORAGE_KEY);
  return stored === "light" || stored === "dark" ? stored : "system";
}

export function applyThemePreference(preference: ThemePreference): void {
  if (preference === "system") {
    delete document.documentElement.dataset.theme;
    localStorage.removeItem(THEME_STORAGE_KEY);
  } else {
    document.documentElement.dataset.theme = preference;
    localStorage.setItem(THEME_STORAGE_KEY, preference);
  }
}
