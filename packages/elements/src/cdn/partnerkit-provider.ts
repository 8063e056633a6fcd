/** CDN entry for the provider without the loader (for closed shadow roots or eager loading). */
import '../define/partnerkit-provider.js';
