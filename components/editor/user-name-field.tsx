"use client";

import { useState } from "react";
import type { UserIdentity } from "./user-identity";

export function UserNameField({ identity, onRename }: { identity: UserIdentity; onRename: (name: string) => void }) {
  const [draft, setDraft] = useState(identity.name);
  return (
    <label className="user-name" title="The name others see on your cursor">
      <span className="user-swatch" style={{ background: identity.color }} aria-hidden />
      <input
        aria-label="Your name"
        value={draft}
        maxLength={40}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => onRename(draft)}
        onKeyDown={(event) => {
          if (event.key === "Enter") event.currentTarget.blur();
        }}
      />
    </label>
  );
}
