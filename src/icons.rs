//! The app's icons (issue 25): inline SVG drawn in `currentColor`, so they draw on every device
//! (an emoji needs a colour-emoji font, which older Androids and Debian's Chromium lack, and
//! then shows an empty box) and follow the text's colour and size. Each is decorative
//! (`aria-hidden`): the button or the label it sits in carries the words.

use baeum_core::wellbeing::Mood;
use leptos::prelude::*;

/// A loudspeaker with sound waves: "play this aloud".
#[component]
pub fn SpeakerIcon() -> impl IntoView {
    view! {
        <svg class="icon" width="1.25em" height="1.25em" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M3 9v6h4l5 4V5L7 9z" fill="currentColor"/>
            <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
        </svg>
    }
}

/// A tick: "done".
#[component]
pub fn DoneIcon() -> impl IntoView {
    view! {
        <svg class="icon" width="1em" height="1em" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 12.5l5 5L20 6.5" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}

/// A face for a mood: the mouth goes from a frown (1) through a straight line (3) to a wide
/// smile (5), and the saddest face has a tear.
#[component]
pub fn FaceIcon(mood: Mood) -> impl IntoView {
    // The mouth is a curve from (8.5, 15.5) to (15.5, 15.5); its control point below the line
    // makes a smile, above it a frown. Written out rather than formatted from a number: float
    // printing is large code in wasm.
    let mouth = match mood.value() {
        1 => "M8.5 15.5Q12 10.5 15.5 15.5",
        2 => "M8.5 15.5Q12 13 15.5 15.5",
        3 => "M8.5 15.5H15.5",
        4 => "M8.5 15.5Q12 18 15.5 15.5",
        _ => "M8.5 15.5Q12 20.5 15.5 15.5",
    };
    view! {
        <svg class="icon" width="1.25em" height="1.25em" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.8"/>
            <circle cx="8.5" cy="9.5" r="1.4" fill="currentColor"/>
            <circle cx="15.5" cy="9.5" r="1.4" fill="currentColor"/>
            <path d=mouth fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>
            {(mood.value() == 1).then(|| view! {
                <path d="M17.8 11q-1.3 1.9-1.3 2.7a1.3 1.3 0 0 0 2.6 0q0-.8-1.3-2.7z" fill="currentColor"/>
            })}
        </svg>
    }
}
