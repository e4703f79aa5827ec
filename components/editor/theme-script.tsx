import { THEME_STORAGE_KEY } from "./theme-preference";

/**
 * Applies the remembered light/dark choice before the first paint (an inline script in <head>),
 * so a dark-theme user never sees a white flash. Storage errors leave the system's theme.
 */
export function ThemeScript({ nonce }: { nonce?: string }) {
  const script = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
