/** CDN entry for one widget without the loader (for closed shadow roots or eager loading). */
import '../define/application-review.js';
