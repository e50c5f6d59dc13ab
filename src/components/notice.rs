//! The notice line: the latest message of the page, announced politely or as an alert.

use yew::prelude::*;

use crate::notice::Notice;

/// Props of [`NoticeLine`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// The message to show, if any.
    pub notice: Option<Notice>,
    /// Dismisses it.
    pub on_dismiss: Callback<()>,
}

/// Shows the current notice with its `data-notice` kind and a dismiss button.
#[component]
pub fn NoticeLine(props: &NoticeProps) -> Html {
    let Some(notice) = &props.notice else {
        return html! { <div class="notice-slot" aria-live="polite"></div> };
    };
    let class = if notice.is_problem() {
        "notice problem"
    } else {
        "notice ok"
    };
    let role = if notice.is_problem() {
        "alert"
    } else {
        "status"
    };
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice-slot" aria-live="polite">
            <p {class} {role} data-notice={notice.kind()}>
                <span>{notice.text()}</span>
                <button type="button" class="dismiss" aria-label="Dismiss message" onclick={dismiss}>{"×"}</button>
            </p>
        </div>
    }
}

// Server-side rendering needs tokio, a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use yew::LocalServerRenderer;

    #[tokio::test]
    async fn renders_kind_text_and_role() {
        let html = LocalServerRenderer::<NoticeLine>::with_props(NoticeProps {
            notice: Some(Notice::StorageFull),
            on_dismiss: Callback::noop(),
        })
        .render()
        .await;
        assert!(html.contains(r#"data-notice="storage-full""#), "{html}");
        assert!(html.contains(r#"role="alert""#), "{html}");
        assert!(html.contains("storage is full"), "{html}");
        let html = LocalServerRenderer::<NoticeLine>::with_props(NoticeProps {
            notice: None,
            on_dismiss: Callback::noop(),
        })
        .render()
        .await;
        assert!(!html.contains("data-notice"), "{html}");
    }
}
