//! Handler tests of the web app and the API, driven through the real router
//! with `tower::ServiceExt::oneshot`. Every case in `cases` is generic over
//! the store and runs once on SQLite and once on PostgreSQL.

mod app;
mod cases;
mod fresh;
mod plan;
mod postgres;
mod practice;
mod sqlite;

/// Runs each named case of `cases` on a store from `$open`, then `$close`s it.
#[macro_export]
macro_rules! handler_cases {
    ($open:path, $close:path; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let store = $open(stringify!($case)).await;
                let keep = store.clone();
                $crate::cases::$case(store).await;
                $close(keep).await;
            }
        )*
    };
}

/// Every case, in one list both backends use.
#[macro_export]
macro_rules! all_cases {
    ($open:path, $close:path) => {
        $crate::handler_cases!($open, $close;
            health_and_security_headers,
            pages_render_without_a_roadmap,
            roadmap_flow_through_the_forms,
            form_posts_need_the_csrf_token,
            log_form_and_chart,
            api_crud,
            api_errors_have_one_shape,
            oversized_bodies_get_413,
            imported_text_renders_inert,
            openapi_document_lists_the_paths,
            static_assets_are_fingerprinted_and_cached,
            plan_page_and_calendar,
            plan_page_honours_kept_settings_and_estimates,
            plan_page_follows_a_kept_path,
            standing_and_burn_down_use_kept_settings_and_estimates,
            exercise_page_checks_like_the_cli,
            exercise_api_and_bad_input,
            review_page_and_api,
            log_page_charts,
            map_marks_verified_and_retention,
            writes_show_on_the_next_get,
            next_topics_wait_for_their_prerequisites,
            writes_behind_the_apps_back_show_within_the_freshness_bound,
        );
    };
}
