import { html, nothing } from 'lit';
import type { PublishedStory } from '../core/delivery/readings.js';

/**
 * A published story, as the collector serves it, as a card: what the feed and the check-in's
 * "others who found this hard" both show. Every text is data, rendered as text.
 */
export function renderPublishedStory(
  story: PublishedStory,
  p: { level: number; reactions?: string; hideCountsBelow?: number; position?: { index: number; size: number } },
) {
  return html`<mutual-story-card
    story-id=${story.id}
    heading=${story.heading ?? nothing}
    author=${story.author ?? nothing}
    published=${story.published}
    tags=${story.tags.join(', ') || nothing}
    content-warning=${story.contentWarning.join(', ') || nothing}
    counts=${JSON.stringify(story.reactions)}
    counts-fresh
    responses=${story.responses}
    reactions=${p.reactions ?? nothing}
    hide-counts-below=${p.hideCountsBelow || nothing}
    heading-level=${p.level}
    .feedPosition=${p.position}
  >${story.paragraphs.map((paragraph) => html`<p dir="auto">${paragraph}</p>`)}</mutual-story-card>`;
}
