/**
 * The notice a phone held sideways gets instead of the game (client/index.html shows it for a
 * landscape viewport under 500 CSS px tall): its text in each language, of which the page's
 * stylesheet shows the one `<html lang>` names, so a change of language needs nothing more here.
 */
import { LOCALES, tIn } from './i18n/text.ts';
import { UI_FONT } from './ui/theme.ts';

/** Writes the notice's text in every language into the page, in the game's own font. */
export function fillTurnUpright(doc: Document = document): void {
  const notice = doc.getElementById('turn-upright');
  if (notice) notice.style.fontFamily = UI_FONT;
  for (const language of LOCALES) {
    const p = doc.querySelector<HTMLParagraphElement>(`#turn-upright p[lang="${language}"]`);
    if (p) p.textContent = tIn(language, 'layout.turnUpright');
  }
}
