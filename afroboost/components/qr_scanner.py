"""Camera QR scanner (npm @yudiel/react-qr-scanner), decoder wasm self-hosted in assets/.

The decoder (zxing-wasm inside barcode-detector) would download `zxing_reader.wasm` from a
CDN; `setZXingModuleOverrides` points it at /zxing_reader.wasm instead. The wasm must be the
zxing-wasm version bundled by barcode-detector (checked in tests/e2e/test_coach_journey.py,
test_scanner_decoder_is_self_hosted_and_matches_the_bundled_zxing).
"""

from __future__ import annotations

import reflex as rx

SCANNER_LIBRARY = "@yudiel/react-qr-scanner@2.3.1"


def _on_scan_spec(codes: rx.Var[list[dict]]) -> tuple[rx.Var[str]]:
    return (rx.Var(f"({codes}?.[0]?.rawValue ?? '')").to(str),)


class QRScanner(rx.NoSSRComponent):
    library = SCANNER_LIBRARY
    tag = "Scanner"
    on_scan: rx.EventHandler[_on_scan_spec]
    on_error: rx.EventHandler[rx.event.no_args_event_spec]
    paused: rx.Var[bool]
    formats: rx.Var[list[str]]
    constraints: rx.Var[dict]

    def add_custom_code(self) -> list[str]:
        return ["""
if (typeof window !== "undefined") {
  import("@yudiel/react-qr-scanner").then((m) => m.setZXingModuleOverrides({
    locateFile: (path, prefix) => (path.endsWith(".wasm") ? "/zxing_reader.wasm" : prefix + path),
  }));
}"""]


qr_scanner = QRScanner.create
