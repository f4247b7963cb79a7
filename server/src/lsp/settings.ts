/** Turns the editor's `csprLint` settings section into our settings, with messages for bad values. */
import type { SettingsRead } from '../config';
import { validateSettings } from '../config';

/** Reads the `csprLint` section the client sent; unknown or wrong fields are dropped with a message. */
export function fromEditorSettings(section: unknown): SettingsRead {
  if (!section || typeof section !== 'object') return { settings: {}, errors: [] };
  // VS Code sends null for unset values and may include its own helper keys; drop those quietly.
  const clean = Object.fromEntries(Object.entries(section as Record<string, unknown>).filter(([k, v]) => v !== null && v !== undefined && !k.startsWith('$') && k !== 'trace'));
  return validateSettings(clean, 'Settings (csprLint)');
}
