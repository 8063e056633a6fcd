/// <reference types="vite/client" />
/// <reference types="@partnerkit/elements/types/vue" />

interface ImportMetaEnv {
  /** The PartnerKit backend the widgets call, e.g. http://127.0.0.1:8787 (the standalone server has no /api). */
  readonly VITE_PARTNERKIT_URL: string;
}
