//! The one list component: a filter bar, a table and a pager over a
//! [`Page`](crate::paging::Page). Every admin list uses it.
//!
//! It works without JavaScript: the filter bar is a GET form, and the pager and the
//! export are links, so the filters, the sort and the cursor all live in the URL: a
//! view can be shared, and survives a reload.

use crate::format::urlencode;
use crate::i18n::{t, Msg};
use crate::paging::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// One field of a filter bar; its value is the URL's query parameter `name`.
#[derive(Clone)]
pub enum Filter {
    Text {
        name: &'static str,
        label: &'static str,
        placeholder: &'static str,
    },
    Select {
        name: &'static str,
        label: &'static str,
        /// The "any" choice (value ""), when the filter may be left open.
        any: Option<&'static str>,
        options: Vec<(String, String)>,
    },
}

impl Filter {
    fn name(&self) -> &'static str {
        match self {
            Filter::Text { name, .. } | Filter::Select { name, .. } => name,
        }
    }
}

/// The current URL's query parameter, when present and not empty.
pub fn query_param(name: &str) -> Option<String> {
    use_query_map().read().get(name).filter(|v| !v.is_empty())
}

/// `path?k=v&…` for these parameters (empty values left out), encoded.
pub fn link(path: &str, params: &[(&str, Option<String>)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter_map(|(k, v)| {
            v.as_deref()
                .filter(|v| !v.is_empty())
                .map(|v| format!("{k}={}", urlencode(v)))
        })
        .collect();
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// A search form whose fields are the list's filters. Submitting starts again at
/// the first page (the cursor is not a field).
#[component]
pub fn FilterBar(action: &'static str, filters: Vec<Filter>) -> impl IntoView {
    let query = use_query_map();
    let value = move |name: &str| query.read().get(name).unwrap_or_default();
    let fields = filters
        .into_iter()
        .map(|filter| {
            let id = format!("filter-{}", filter.name());
            match filter {
                Filter::Text {
                    name,
                    label,
                    placeholder,
                } => view! {
                    <div class="flex flex-col gap-1 sm:col-span-2">
                        <label for=id.clone() class="font-medium">{label}</label>
                        <input id=id name=name class="input" placeholder=placeholder
                            value=move || value(name)/>
                    </div>
                }
                .into_any(),
                Filter::Select {
                    name,
                    label,
                    any,
                    options,
                } => view! {
                    <div class="flex flex-col gap-1">
                        <label for=id.clone() class="font-medium">{label}</label>
                        <select id=id name=name class="input">
                            {any.map(|any| view! { <option value="">{any}</option> })}
                            {options.into_iter().map(|(v, text)| {
                                let selected = { let v = v.clone(); move || value(name) == v };
                                view! { <option value=v selected=selected>{text}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                }
                .into_any(),
            }
        })
        .collect_view();
    view! {
        <form method="get" action=action role="search"
            class="card mt-4 grid gap-3 sm:grid-cols-5 items-end">
            {fields}
            <button type="submit" class="btn btn-primary">{t(Msg::Search)}</button>
        </form>
    }
}

/// A column: its header and how a row shows in it.
pub struct Column<T> {
    pub header: &'static str,
    pub cell: fn(&T) -> AnyView,
}

/// The table of one page, with its count, an export link and the pager. `path` is
/// the list page's own path; `keep` names the query parameters (filters, sort) that
/// the pager and the export carry along.
#[component]
pub fn DataTable<T>(
    page: Page<T>,
    columns: Vec<Column<T>>,
    #[prop(into)] path: String,
    keep: &'static [&'static str],
    /// The export of exactly this filtered view, if the list has one.
    #[prop(optional)]
    export: Option<&'static str>,
    empty: &'static str,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    let kept = move || -> Vec<(&'static str, Option<String>)> {
        keep.iter().map(|k| (*k, query_param(k))).collect()
    };
    let first_page = query_param("cursor").is_some();
    let next = page.next.clone().map(|cursor| {
        let mut params = kept();
        params.push(("cursor", Some(cursor)));
        link(&path, &params)
    });
    let count = if page.items.is_empty() {
        empty.to_owned()
    } else {
        format!("{} / {}", page.items.len(), page.total.label())
    };
    let headers = columns
        .iter()
        .map(|c| view! { <th scope="col" class="p-3">{c.header}</th> })
        .collect_view();
    let rows = page
        .items
        .iter()
        .map(|row| {
            let cells = columns
                .iter()
                .map(|c| view! { <td class="p-3 break-words">{(c.cell)(row)}</td> })
                .collect_view();
            view! { <tr class="border-t border-line">{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="mt-4 flex flex-wrap items-center justify-between gap-3">
            <p class="text-muted" data-testid="list-count">{count}</p>
            {export.map(|to| view! {
                <a class="link" href=link(to, &kept()) rel="external" download="">
                    {t(Msg::ExportCsv)}
                </a>
            })}
        </div>
        <div class="mt-2 overflow-x-auto card p-0">
            <table class="w-full text-left">
                <thead class="bg-canvas text-sm text-muted"><tr>{headers}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <nav class="mt-4 flex gap-3" aria-label=t(Msg::Pages)>
            {first_page.then(|| view! {
                <a class="btn btn-secondary" href=link(&path, &kept())>{t(Msg::FirstPage)}</a>
            })}
            {next.map(|href| view! {
                <a class="btn btn-secondary" href=href rel="next">{t(Msg::Next)}</a>
            })}
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::link;

    #[test]
    fn links_keep_set_parameters_encoded_and_drop_empty_ones() {
        let params = [
            ("q", Some("a b&c".to_owned())),
            ("role", None),
            ("status", Some(String::new())),
            ("cursor", Some("7b22".to_owned())),
        ];
        assert_eq!(
            link("/admin/users", &params),
            "/admin/users?q=a+b%26c&cursor=7b22"
        );
        assert_eq!(link("/admin/users", &[("q", None)]), "/admin/users");
    }
}
