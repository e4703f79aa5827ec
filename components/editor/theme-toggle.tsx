"use client";

import { useEffect, useState } from "react";
import { applyThemePreference, loadThemePreference, type ThemePreference } from "./theme-preference";
import { ToolbarIcon } from "./toolbar-icon";

const CHOICES: { value: ThemePreference; label: string }[] = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "System" },
];

export function ThemeToggle() {
  const [preference, setPreference] = useState<ThemePreference>("system");
  // localStorage exists only in the browser, after hydration.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setPreference(loadThemePreference()), []);

  return (
    <div className="theme-toggle" role="radiogroup" aria-label="Colour theme">
      {CHOICES.map((choice) => (
        <button
          key={choice.value}
          type="button"
          role="radio"
          aria-checked={preference === choice.value}
          className="theme-choice"
          title={`${choice.label} theme`}
          aria-label={choice.label}
          onClick={() => {
            applyThemePreference(choice.value);
            setPreference(choice.value);
          }}
        >
          <ToolbarIcon name={choice.value} />
        </button>
      ))}
    </div>
  );
}
