// @vitest-environment jsdom
// DOMPurify needs a DOM it can walk: happy-dom reports support but returns the input untouched.
import { describe, expect, it } from 'vitest';
import {
  hasFormatting,
  htmlToText,
  sanitizeDescription,
  textToHtml,
} from '../../src/renderer/src/components/manage/description-html';

describe('the location description: sanitised HTML, edited as plain text (issue 22 §3)', () => {
  it('strips scripts, event handlers and javascript: links, keeps text and safe links', () => {
    const out = sanitizeDescription(
      '<p onclick="x()">Hi <b>there</b></p><script>alert(1)</script><img src=x onerror="alert(2)">' +
        '<a href="javascript:alert(3)">bad</a><a href="https://salon.example">site</a><iframe></iframe>',
    );
    expect(out).not.toMatch(/script|onerror|onclick|javascript:|<img|iframe/i);
    expect(out).toContain('<b>there</b>');
    expect(out).toContain('href="https://salon.example"');
    expect(out).toContain('rel="noopener noreferrer"');
    expect(out).toContain('>bad</a>');
  });

  it('HTML → text for the editor, text → escaped paragraphs on save', () => {
    expect(htmlToText('<p>The <strong>best</strong> salon</p><ul><li>Hair</li><li>Nails</li></ul>')).toBe(
      'The best salon\n\nHair\n\nNails',
    );
    expect(textToHtml('Cuts & colour <3\n\nOpen daily\nto 9')).toBe(
      '<p>Cuts &amp; colour &lt;3</p><p>Open daily<br>to 9</p>',
    );
    expect(htmlToText(textToHtml('One\n\nTwo'))).toBe('One\n\nTwo');
  });

  it('says when plain-text editing would drop formatting', () => {
    expect(hasFormatting('<p>The <strong>James Smith</strong> location</p>')).toBe(true);
    expect(hasFormatting('<p>Plain</p><p>text<br>only</p>')).toBe(false);
  });
});
