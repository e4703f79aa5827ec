// A person's initials in their cursor colour.
export function PersonAvatar({ name, color, size = "normal", title }: { name: string; color: string; size?: "normal" | "small"; title?: string }) {
  return (
    <span className={`avatar avatar-${size}`} style={{ background: color }} title={title ?? name} aria-label={name} role="img">
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
