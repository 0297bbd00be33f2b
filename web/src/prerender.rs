//! The page the release build writes ahead of time: the default plan as HTML,
//! readable before the WebAssembly has loaded and without it, with a title,
//! a description for link previews and a `<noscript>` line. Native only: the
//! build runs it (`src/bin/prerender.rs`); the site's WebAssembly never does.

use crate::components::Calendar;
use crate::i18n::{tx, Lang, Text};
use crate::{App, AppProps};
use headroom_core::{plan, text, Defaults, Plan, Scenario, YearMonth};

const TITLE: Text = tx(
    "Headroom — le plan de capacité de votre pile auto-hébergée",
    "Headroom — the capacity plan for your self-hosted stack",
);

/// The default plan's page in `lang`, for the month `today` of the build.
pub async fn body(lang: Lang, today: YearMonth) -> String {
    let props = AppProps {
        query: String::new(),
        defaults: Defaults {
            today,
            lang,
            day: 1,
        },
        calendar: Calendar::Relative,
    };
    let html = yew::ServerRenderer::<App>::with_props(move || props)
        .hydratable(true)
        .render()
        .await;
    unnamed_markers(&html)
}

/// The hydration markers without the components' names, which the
/// prerendering (a debug build) writes and the page's release build neither
/// writes nor reads: `<!--<[headroom_web::app::App]>-->` becomes `<!--<[]>-->`.
fn unnamed_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--<") {
        let (before, marker) = rest.split_at(at);
        out.push_str(before);
        let open = if marker.starts_with("<!--<[") {
            "<!--<["
        } else if marker.starts_with("<!--</[") {
            "<!--</["
        } else {
            out.push_str("<!--<");
            rest = &marker["<!--<".len()..];
            continue;
        };
        match marker.find("]>-->") {
            Some(end) => {
                out.push_str(open);
                out.push_str("]>-->");
                rest = &marker[end + "]>-->".len()..];
            }
            None => {
                out.push_str(marker);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The default plan, as the page computes it.
pub fn default_plan(lang: Lang, today: YearMonth) -> Plan {
    plan(&Scenario::new(Defaults {
        today,
        lang,
        day: 1,
    }))
}

/// What a link preview shows: the stack, and the default plan in one line.
pub fn description(plan: &Plan) -> String {
    let lang = plan.scenario.lang;
    let s = &plan.scenario;
    let users = text::integer(f64::from(s.users), lang);
    let growth = text::percent(s.growth_percent, 2, lang);
    let tier = plan.tier;
    let requests = text::integer(plan.load.requests_per_day, lang);
    let cost = tier.monthly_cost.display(lang);
    match lang {
        Lang::Fr => format!(
            "Palier, matériel, limites Docker Compose, réglages et date de migration d'une pile \
             nginx, Node.js, PostgreSQL, Redis, MinIO et Next.js. Par défaut : {users} utilisateurs \
             actifs par mois, +{growth} par mois → palier {} ({}), {requests} requêtes par jour, {cost} par mois.",
            tier.number,
            tier.name.get(lang)
        ),
        Lang::En => format!(
            "Tier, hardware, Docker Compose limits, settings and when to migrate for an nginx, \
             Node.js, PostgreSQL, Redis, MinIO and Next.js stack. Default: {users} monthly active \
             users, +{growth} a month → tier {} ({}), {requests} requests a day, {cost} a month.",
            tier.number,
            tier.name.get(lang)
        ),
    }
}

/// Said to a reader without JavaScript, above the default plan.
pub fn noscript(plan: &Plan) -> String {
    let lang = plan.scenario.lang;
    let users = text::integer(f64::from(plan.scenario.users), lang);
    let growth = text::percent(plan.scenario.growth_percent, 2, lang);
    match lang {
        Lang::Fr => format!(
            "Le calculateur a besoin de JavaScript et de WebAssembly. Le plan ci-dessous est celui \
             par défaut ({users} utilisateurs, +{growth} par mois), pas celui d'un lien ni de vos chiffres."
        ),
        Lang::En => format!(
            "The calculator needs JavaScript and WebAssembly. The plan below is the default one \
             ({users} users, +{growth} a month), not a link's nor your own figures."
        ),
    }
}

/// Writes the prerendered page into `page`, an `index.html` of the build:
/// the title and description, the `<noscript>` line, and `body` inside its
/// empty `<div id="app">`, marked with the build's month. Fails if the page
/// lacks one of them.
pub fn fill(page: &str, plan: &Plan, body: &str) -> Result<String, String> {
    let lang = plan.scenario.lang;
    let head = format!(
        "<title>{}</title><meta name=\"description\" content=\"{}\">",
        escape(TITLE.get(lang)),
        escape(&description(plan))
    );
    let page = replace_element(page, "<title", "</title>", &head)?;
    let noscript = format!(
        "<noscript><p class=\"noscript\">{}</p></noscript>",
        escape(&noscript(plan))
    );
    let page = replace_element(&page, "<noscript", "</noscript>", &noscript)?;
    let page = load_after_first_paint(&page)?;
    // Trunk's minifier may drop the quotes around the id.
    let slot = ["<div id=\"app\"></div>", "<div id=app></div>"]
        .into_iter()
        .find(|slot| page.contains(slot))
        .ok_or("no empty <div id=\"app\"> in the page")?;
    // The app takes this DOM over (hydration) with the props it was rendered
    // with: the default plan of the build's month.
    let today = plan.scenario.today;
    Ok(page.replacen(
        slot,
        &format!("<div id=\"app\" data-built=\"{today}\">{body}</div>"),
        1,
    ))
}

/// The app's code is fetched once the written page is on the screen: Trunk's
/// loader first waits for a frame to be painted, and the WebAssembly is not
/// preloaded (it would share a slow link with the page being read). A tab
/// in the background gets no frames: its app starts once it is shown. Fails
/// if the loader is not Trunk's as expected.
fn load_after_first_paint(page: &str) -> Result<String, String> {
    const INIT: &str = "const wasm = await init(";
    if !page.contains(INIT) {
        return Err(format!("no `{INIT}` in Trunk's loader"));
    }
    let page = page.replacen(
        INIT,
        &format!("await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));\n{INIT}"),
        1,
    );
    let preload = page
        .match_indices("<link ")
        .map(|(start, _)| start)
        .find(|&start| {
            let tag = &page[start..page[start..].find('>').map_or(page.len(), |e| start + e)];
            tag.contains("_bg.wasm") && tag.contains("preload")
        })
        .ok_or("no preload of the WebAssembly in Trunk's page")?;
    let end = preload
        + page[preload..]
            .find('>')
            .ok_or("an unclosed <link> in the page")?
        + 1;
    Ok(format!("{}{}", &page[..preload], &page[end..]))
}

/// Replaces the first element from `open` to `close` included with `with`.
fn replace_element(page: &str, open: &str, close: &str, with: &str) -> Result<String, String> {
    let start = page
        .find(open)
        .ok_or_else(|| format!("no {open}> in the page"))?;
    let end = page[start..]
        .find(close)
        .map(|i| start + i + close.len())
        .ok_or_else(|| format!("no {close} in the page"))?;
    Ok(format!("{}{with}{}", &page[..start], &page[end..]))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><title>Headroom</title><script type=module>\
        const wasm = await init({});</script><link as=fetch href=./x_bg.wasm rel=preload>\
        </head><body><noscript>JS</noscript><div id=app></div></body></html>";

    #[test]
    fn fills_the_title_the_description_the_noscript_line_and_the_body() {
        let plan = default_plan(Lang::En, YearMonth::new(2026, 11).unwrap());
        let page = fill(PAGE, &plan, "<p>plan</p>").unwrap();
        assert!(
            page.contains("<title>Headroom — the capacity plan for your self-hosted stack</title>")
        );
        assert!(
            page.contains(
                "Default: 500 monthly active users, +15% a month → tier 2 (Early growth), \
             10,000 requests a day, €0 a month."
            ),
            "{page}"
        );
        assert!(page.contains("<noscript><p class=\"noscript\">The calculator needs JavaScript"));
        assert!(page.contains("<div id=\"app\" data-built=\"2026-11\"><p>plan</p></div></body>"));
        assert!(fill("<title>x</title><noscript></noscript>", &plan, "").is_err());
        // The code is fetched after the first paint, not preloaded.
        assert!(page
            .contains("requestAnimationFrame(() => setTimeout(r)));\nconst wasm = await init({})"));
        assert!(!page.contains("_bg.wasm"), "{page}");
    }

    #[test]
    fn hydration_markers_lose_their_names_only() {
        let html = "<!--<[headroom_web::app::App]>--><p>a &lt;!--&lt;[b]&gt;--&gt;</p>\
            <!--<?>--><!--<#>--><!--</#>--><!--</?>--><!--</[headroom_web::app::App]>-->";
        assert_eq!(
            unnamed_markers(html),
            "<!--<[]>--><p>a &lt;!--&lt;[b]&gt;--&gt;</p><!--<?>--><!--<#>--><!--</#>--><!--</?>--><!--</[]>-->"
        );
        assert_eq!(unnamed_markers("x<!--<[open"), "x<!--<[open");
    }

    #[test]
    fn the_french_page_is_french_and_escaped() {
        let plan = default_plan(Lang::Fr, YearMonth::new(2026, 11).unwrap());
        let page = fill(PAGE, &plan, "").unwrap();
        assert!(
            page.contains(
                "Par défaut : 500 utilisateurs actifs par mois, +15\u{a0}% par mois → palier 2"
            ),
            "{page}"
        );
        assert!(!page.contains("content=\"Headroom\""));
    }
}
