//! `cargo xtask size --breakdown`: where the bytes of the learners' main wasm go, by crate and
//! by our own function, measured with twiggy on the main module the build just shipped.
//!
//! The shipped module has no names (wasm-opt drops them), so this makes a twin of it from the
//! same split output: wasm-bindgen with `--keep-debug`, then `wasm-opt -Oz -g`, which keeps the
//! function names and otherwise optimises the same. Sizes are raw (uncompressed) bytes of code
//! and data; the name sections the twin carries are left out of every row. Gzip cannot be
//! split by function, so the total line gives the shipped module's gzip size beside the raw
//! one for scale.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::tools;

/// The twiggy release the breakdown is made with (installed once, like the other tools).
const TWIGGY_VERSION: &str = "0.8.0";
/// How many crates and how many of our own functions the report lists.
const CRATE_ROWS: usize = 30;
const FUNCTION_ROWS: usize = 25;

/// Makes the named twin of the main module in `target/split-wasm/named/` and prints the
/// breakdown. Needs a learners' build first (`target/split-wasm/baeum-web.wasm`).
pub fn report(root: &Path, dist: &Path) -> Result<()> {
    tools::ensure_cargo_tool("twiggy", "twiggy", TWIGGY_VERSION, true)?;
    let split_main = root.join("target/split-wasm/baeum-web.wasm");
    if !split_main.exists() {
        bail!(
            "{} is missing: build the learners' app first (cargo xtask size)",
            split_main.display()
        );
    }
    let named_dir = root.join("target/split-wasm/named");
    fs::create_dir_all(&named_dir)
        .with_context(|| format!("cannot create {}", named_dir.display()))?;
    tools::run(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--keep-lld-exports",
                "--keep-debug",
                "--out-name",
                "baeum-web",
                "--out-dir",
            ])
            .arg(&named_dir)
            .arg(&split_main)
            .env("PATH", tools::tool_path())
            .current_dir(root),
    )?;
    let bound = named_dir.join("baeum-web_bg.wasm");
    let named = named_dir.join("main-named.wasm");
    let output = Command::new(root.join("node_modules/.bin/wasm-opt"))
        .args(["-Oz", "-g"])
        .arg(&bound)
        .arg("-o")
        .arg(&named)
        .output()
        .context("cannot start wasm-opt")?;
    if !output.status.success() {
        bail!(
            "wasm-opt failed on {}: {}",
            bound.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let top = Command::new("twiggy")
        .args(["top", "-n", "1000000", "--format", "csv"])
        .arg(&named)
        .env("PATH", tools::tool_path())
        .output()
        .context("cannot start twiggy")?;
    if !top.status.success() {
        bail!(
            "twiggy top failed: {}",
            String::from_utf8_lossy(&top.stderr)
        );
    }
    let csv = String::from_utf8_lossy(&top.stdout);
    let items = parse_twiggy_csv(&csv)?;
    let shipped_gzip = shipped_main_gzip(dist)?;
    print_report(&items, shipped_gzip);
    println!(
        "xtask: the named twin is {}; explore it with `twiggy top|dominators|paths`",
        named.display()
    );
    Ok(())
}

/// One row of `twiggy top`: an item and its own (shallow) size in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub name: String,
    pub bytes: u64,
}

/// Reads twiggy's CSV (`Name,ShallowSize,…`), whose names may hold commas inside quotes.
pub fn parse_twiggy_csv(csv: &str) -> Result<Vec<Item>> {
    let mut items = Vec::new();
    for (number, line) in csv.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let (name, rest) = split_first_field(line)
            .with_context(|| format!("twiggy's CSV line {}: {line}", number + 1))?;
        let bytes = rest
            .split(',')
            .next()
            .and_then(|size| size.parse::<u64>().ok())
            .with_context(|| format!("twiggy's CSV line {}: no size", number + 1))?;
        items.push(Item { name, bytes });
    }
    Ok(items)
}

/// The first CSV field (unquoted, `""` inside quotes read as `"`) and what follows its comma.
fn split_first_field(line: &str) -> Option<(String, &str)> {
    let Some(quoted) = line.strip_prefix('"') else {
        let (name, rest) = line.split_once(',')?;
        return Some((name.to_owned(), rest));
    };
    let mut name = String::new();
    let mut characters = quoted.char_indices().peekable();
    while let Some((index, character)) = characters.next() {
        if character == '"' {
            if characters.peek().map(|(_, next)| *next) == Some('"') {
                characters.next();
                name.push('"');
            } else {
                return quoted[index + 1..]
                    .strip_prefix(',')
                    .map(|rest| (name.clone(), rest));
            }
        } else {
            name.push(character);
        }
    }
    None
}

/// Where an item's bytes belong: a crate's name, or a kind of non-code section. `None` for the
/// name sections the twin carries and the shipped module does not.
pub fn owner(name: &str) -> Option<String> {
    if name.contains("\"function names\" subsection")
        || name.contains("\"data names\" subsection")
        || name.contains("names\" subsection")
        || name.starts_with("custom section")
    {
        return None;
    }
    if name.starts_with("data segment") || name.starts_with("data[") {
        return Some("(data: strings and tables)".to_owned());
    }
    if name.starts_with("import ") {
        return Some("(imports from the JS glue)".to_owned());
    }
    if name.starts_with("export ") {
        return Some("(exports)".to_owned());
    }
    if name.starts_with("elem[") || name.starts_with("table[") {
        return Some("(function table)".to_owned());
    }
    if name.starts_with("code[") {
        return Some("(functions without a name: wasm-bindgen's shims)".to_owned());
    }
    if name.starts_with("type[") || name.starts_with("global[") {
        return Some("(types and globals)".to_owned());
    }
    // `<T as Trait>::f` belongs to the type's crate when it is a path, else it is generic code
    // for a type parameter (`<T as …>`, `<F as …>`), instantiated for someone's type.
    let path = name.trim_start_matches(['<', '&', '*']);
    let path = path
        .strip_prefix("mut ")
        .or_else(|| path.strip_prefix("dyn "))
        .or_else(|| path.strip_prefix("const "))
        .unwrap_or(path);
    let first: String = path
        .chars()
        .take_while(|character| character.is_ascii_alphanumeric() || *character == '_')
        .collect();
    let after = &path[first.len()..];
    if first.is_empty() {
        return Some("(other)".to_owned());
    }
    if after.starts_with("::") || after.starts_with('[') {
        return Some(first);
    }
    if first.len() <= 3 && first.chars().next().is_some_and(char::is_uppercase) {
        return Some("(generic code for a type parameter)".to_owned());
    }
    if [
        "f32", "f64", "u8", "u16", "u32", "u64", "usize", "i32", "i64", "str", "bool",
    ]
    .contains(&first.as_str())
    {
        return Some("core".to_owned());
    }
    Some(format!("({first})"))
}

/// Bytes by owner, largest first.
pub fn by_owner(items: &[Item]) -> Vec<(String, u64)> {
    let mut totals: BTreeMap<String, u64> = BTreeMap::new();
    for item in items {
        if let Some(owner) = owner(&item.name) {
            *totals.entry(owner).or_default() += item.bytes;
        }
    }
    let mut rows: Vec<(String, u64)> = totals.into_iter().collect();
    rows.sort_by(|left, right| right.1.cmp(&left.1).then_with(|| left.0.cmp(&right.0)));
    rows
}

/// The gzip size of the shipped main module (`dist/baeum-web-<hash>_bg.wasm.gz`).
fn shipped_main_gzip(dist: &Path) -> Result<u64> {
    for entry in fs::read_dir(dist).with_context(|| format!("cannot read {}", dist.display()))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("baeum-web-") && name.ends_with("_bg.wasm.gz") {
            return Ok(entry.metadata()?.len());
        }
    }
    bail!(
        "no main module (baeum-web-*_bg.wasm.gz) in {}",
        dist.display()
    )
}

fn print_report(items: &[Item], shipped_gzip: u64) {
    let rows = by_owner(items);
    let total: u64 = rows.iter().map(|(_, bytes)| bytes).sum();
    println!(
        "\nxtask: the learners' main wasm by crate (raw bytes without names; {total} B raw, \
         {shipped_gzip} B gzip as shipped)"
    );
    println!("{:>9}  {:>5}  owner", "bytes", "%");
    for (owner, bytes) in rows.iter().take(CRATE_ROWS) {
        println!("{bytes:>9}  {:>5.1}  {owner}", percent(*bytes, total));
    }
    let rest: u64 = rows.iter().skip(CRATE_ROWS).map(|(_, bytes)| bytes).sum();
    println!("{rest:>9}  {:>5.1}  (the rest)", percent(rest, total));

    let mut ours: Vec<&Item> = items
        .iter()
        .filter(|item| {
            matches!(
                owner(&item.name).as_deref(),
                Some("baeum_web" | "baeum_core")
            )
        })
        .collect();
    ours.sort_by_key(|item| std::cmp::Reverse(item.bytes));
    println!("\nxtask: our own largest functions in the main wasm");
    for item in ours.iter().take(FUNCTION_ROWS) {
        println!("{:>9}  {}", item.bytes, shorten(&item.name));
    }
}

fn percent(part: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        part as f64 * 100.0 / total as f64
    }
}

/// A function's name without its hash suffix and crate hashes, cut to a readable width.
fn shorten(name: &str) -> String {
    let without_hash = match name.rsplit_once("::h") {
        Some((head, hash)) if hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()) => {
            head
        }
        _ => name,
    };
    let mut short: String = without_hash.chars().take(110).collect();
    if without_hash.chars().count() > 110 {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_names_with_commas_and_quotes() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
                   \"\"\"function names\"\" subsection\",399949,29.5,,\n\
                   \"<T as core::convert::Into<(A, B)>>::into::h0123456789abcdef\",120,0.1,,\n\
                   baeum_web::sync_driver::run::h0123456789abcdef,17083,1.2,,\n";
        let items = parse_twiggy_csv(csv).unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].name, "\"function names\" subsection");
        assert_eq!(
            items[1].name,
            "<T as core::convert::Into<(A, B)>>::into::h0123456789abcdef"
        );
        assert_eq!(items[1].bytes, 120);
        assert_eq!(items[2].bytes, 17083);
    }

    #[test]
    fn a_line_without_a_size_is_an_error() {
        assert!(parse_twiggy_csv("Name,ShallowSize\n\"unterminated,12\n").is_err());
        assert!(parse_twiggy_csv("Name,ShallowSize\nname,not-a-number\n").is_err());
    }

    #[test]
    fn items_belong_to_their_crate_or_kind() {
        let cases = [
            ("baeum_web::sync_driver::run::{{closure}}::h5c02", Some("baeum_web")),
            ("core[c5930c85a12de822]::fmt::float::float_to_decimal_common_exact::<f64>", Some("core")),
            ("<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_seq", Some("serde_json")),
            ("<F as leptos_router::matching::choose_view::ChooseView>::choose", Some("(generic code for a type parameter)")),
            ("<dlmalloc[e24a]::dlmalloc::Dlmalloc<dlmalloc::sys::System>>::malloc", Some("dlmalloc")),
            ("<f64 as core[c59]::str::traits::FromStr>::from_str", Some("core")),
            ("data segment \".rodata_5\"", Some("(data: strings and tables)")),
            ("import ./baeum-web_bg.js::__wbg_fetch", Some("(imports from the JS glue)")),
            ("\"function names\" subsection", None),
            ("\"data names\" subsection", None),
            ("code[4050]", Some("(functions without a name: wasm-bindgen's shims)")),
        ];
        for (name, expected) in cases {
            assert_eq!(owner(name).as_deref(), expected, "{name}");
        }
    }

    #[test]
    fn owners_are_summed_and_sorted_without_name_sections() {
        let items = [
            Item {
                name: "\"function names\" subsection".into(),
                bytes: 1_000,
            },
            Item {
                name: "serde_json::de::a".into(),
                bytes: 30,
            },
            Item {
                name: "baeum_web::x".into(),
                bytes: 20,
            },
            Item {
                name: "serde_json::de::b".into(),
                bytes: 5,
            },
        ];
        assert_eq!(
            by_owner(&items),
            vec![("serde_json".to_owned(), 35), ("baeum_web".to_owned(), 20)]
        );
    }
}
