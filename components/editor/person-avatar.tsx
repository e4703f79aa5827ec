// A person's initials in their cursor colour, in white or black, whichever reads better on it.
export function PersonAvatar({ name, color, size = "normal", title }: { name: string; color: string; size?: "normal" | "small"; title?: string }) {
  return (
    <span className={`avatar avatar-${size}`} style={{ background: color, color: initialsColor(color) }} title={title ?? name} aria-label={name} role="img">
      {initials(name)}
    </span>
  );
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const letters = words.length === 1 ? [...words[0]!].slice(0, 2) : [[...words[0]!][0], [...words[words.length - 1]!][0]];
  return letters.join("").toUpperCase();
}

/** White unless black has more contrast on `background` (WCAG relative luminance); white for colours it cannot read. */
function initialsColor(background: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(background);
  if (!match) return "#fff";
  const [red, green, blue] = match.slice(1, 4).map((hex) => {
    const channel = parseInt(hex, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? "#000" : "#fff";
}
