//! `baeum-server site …`: opening, changing, listing and closing sites on the command line,
//! run by whoever runs the platform (the rules are core's `site`, the rows `store/sites.rs`).
//! A running server serves a change within [`crate::sites::REFRESH_EVERY`].

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use baeum_core::content::{CatalogIndex, Language, LocalizedText, CATALOG_FILE_NAME};
use baeum_core::site::{
    check_course_id, check_site_host, check_site_id, check_site_name, CourseSelection,
};

use crate::store::{run_blocking, Role, SiteRecord, SiteRole};
use crate::AppState;

pub const SITE_USAGE: &str = "usage: baeum-server site set ID --name LANG=NAME [--name LANG=NAME …]
                          --host HOST [--host HOST …] (--course ID … | --all-courses)
       baeum-server site staff ID USERNAME (teacher | admin | none)
       baeum-server site adopt-classes ID
       baeum-server site rotate-key ID
       baeum-server site list
       baeum-server site remove ID
  (each also takes --data DIR, or reads $BAEUM_DATABASE_URL, as the server does;
   `set` also takes --content DIR to check the course ids against the built catalogue)

  set     opens the site ID, or replaces what it was: its name in each language (LANG is
          ko, en, vi, ru, kk, th, tr, mn, uz or zh), the host names it answers on (each
          one site's; a learner opens http(s)://HOST/), and the courses it offers
  staff   makes a teacher's account a teacher of the site (who makes classes there) or its
          admin (who also invites teachers to it, `admin invite-teacher --site ID` does too,
          and manages every class of it), or neither. A learner's account cannot be staff:
          invite the person as a teacher
  adopt-classes
          moves every class made where there was no site (a school's own server, before
          sites) into the site ID, and makes their teachers its teachers: once a host is a
          site's, a class is managed at its site's address only
  rotate-key
          gives the site a new key to sign its certificates with. The old key is kept and
          stays in the published list, retired: it verifies what it signed, never anything
          dated later. (A site's first key is made with its first certificate.) The keys are
          in the database: its backup is theirs
  list    the sites, their hosts, courses, staff and signing keys
  remove  closes the site: its hosts serve the whole catalogue again, as a server with no
          sites does. Accounts and their learning are the platform's and stay";

/// A command of `baeum-server site`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteCommand {
    Set(SiteRecord),
    Staff {
        site: String,
        username: String,
        role: Option<SiteRole>,
    },
    AdoptClasses(String),
    RotateKey(String),
    List,
    Remove(String),
}

/// What `baeum-server site` was given: the command, and where the data and content are.
#[derive(Debug)]
pub struct SiteArguments {
    pub command: SiteCommand,
    pub data: Option<PathBuf>,
    pub content: Option<PathBuf>,
}

/// Reads `site …`'s arguments, checking every name, host and id with core's rules.
pub fn parse_site_arguments(arguments: &[String]) -> Result<SiteArguments, String> {
    let mut rest = arguments.iter();
    let command = rest.next().ok_or_else(|| SITE_USAGE.to_owned())?;
    let mut positional = Vec::new();
    let mut names = LocalizedText::default();
    let mut hosts = BTreeSet::new();
    let mut courses = BTreeSet::new();
    let mut all_courses = false;
    let mut data = None;
    let mut content = None;
    while let Some(argument) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value\n\n{SITE_USAGE}"))
        };
        match argument.as_str() {
            "--name" => {
                let text = value(argument)?;
                let (code, name) = text
                    .split_once('=')
                    .ok_or_else(|| format!("--name takes LANG=NAME, as ko=나주, not {text:?}"))?;
                let language = Language::from_code(code.trim())
                    .ok_or_else(|| format!("--name: {code:?} is not a language baeum knows"))?;
                names.0.insert(language, name.trim().to_owned());
            }
            "--host" => {
                let host = check_site_host(&value(argument)?).map_err(|error| error.to_string())?;
                hosts.insert(host);
            }
            "--course" => {
                let id = value(argument)?;
                check_course_id(&id).map_err(|error| error.to_string())?;
                courses.insert(id);
            }
            "--all-courses" => all_courses = true,
            "--data" => data = Some(PathBuf::from(value(argument)?)),
            "--content" => content = Some(PathBuf::from(value(argument)?)),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown argument {flag}\n\n{SITE_USAGE}"))
            }
            other => positional.push(other.to_owned()),
        }
    }
    let one_id = |positional: &[String]| match positional {
        [id] => check_site_id(id)
            .map(|()| id.clone())
            .map_err(|error| error.to_string()),
        _ => Err(format!("{command} needs one site ID\n\n{SITE_USAGE}")),
    };
    let command = match command.as_str() {
        "set" => {
            let id = one_id(&positional)?;
            check_site_name(&names).map_err(|error| error.to_string())?;
            if hosts.is_empty() {
                return Err(
                    "a site needs at least one --host: the address its learners open".into(),
                );
            }
            let courses = match (all_courses, courses.is_empty()) {
                (true, true) => CourseSelection::All,
                (false, false) => CourseSelection::Only(courses),
                (true, false) => return Err("give --course IDs or --all-courses, not both".into()),
                (false, true) => {
                    return Err(
                        "say which courses the site offers: --course ID (again for each) or \
                         --all-courses"
                            .into(),
                    )
                }
            };
            SiteCommand::Set(SiteRecord {
                id,
                name: names,
                hosts: hosts.into_iter().collect(),
                courses,
                featured: Vec::new(),
            })
        }
        "staff" => match positional.as_slice() {
            [site, username, role] => {
                check_site_id(site).map_err(|error| error.to_string())?;
                let role = match role.as_str() {
                    "none" => None,
                    other => Some(SiteRole::parse(other).ok_or_else(|| {
                        format!("a site role is teacher, admin or none, not {other:?}")
                    })?),
                };
                SiteCommand::Staff {
                    site: site.clone(),
                    username: username.clone(),
                    role,
                }
            }
            _ => return Err(format!("staff needs ID USERNAME ROLE\n\n{SITE_USAGE}")),
        },
        "adopt-classes" => SiteCommand::AdoptClasses(one_id(&positional)?),
        "rotate-key" => SiteCommand::RotateKey(one_id(&positional)?),
        "list" if positional.is_empty() => SiteCommand::List,
        "remove" => SiteCommand::Remove(one_id(&positional)?),
        "--help" | "-h" | "help" => return Err(SITE_USAGE.to_owned()),
        other => return Err(format!("unknown site command {other}\n\n{SITE_USAGE}")),
    };
    Ok(SiteArguments {
        command,
        data,
        content,
    })
}

/// Runs a `site` command; its answer is what to print.
pub async fn run_site_command(
    state: &AppState,
    command: SiteCommand,
    content_dir: &Path,
) -> Result<String, String> {
    match command {
        SiteCommand::Set(site) => {
            let unknown = unknown_courses(&site.courses, content_dir);
            let id = site.id.clone();
            let hosts = site.hosts.join(", ");
            run_blocking(&state.store, move |store| store.put_site(&site))
                .await
                .map_err(|error| error.to_string())?;
            let mut said = format!("site {id} is served on {hosts}");
            if !unknown.is_empty() {
                said.push_str(&format!(
                    "\nnote: the built catalogue in {} has no course {}; the site offers it \
                     once it does",
                    content_dir.display(),
                    unknown.join(", ")
                ));
            }
            Ok(said)
        }
        SiteCommand::Staff {
            site,
            username,
            role,
        } => {
            let said = format!(
                "{username} is {} of the site {site}",
                role.map_or("no longer staff".to_owned(), |role| format!(
                    "now {}",
                    role.as_str()
                ))
            );
            run_blocking(&state.store, move |store| {
                if !store.sites()?.iter().any(|known| known.id == site) {
                    return Ok(Err(format!("there is no site {site}")));
                }
                let Some(account) = store.account_by_username(&username)? else {
                    return Ok(Err(format!("there is no account {username}")));
                };
                if role.is_some() && account.role == Role::Learner {
                    return Ok(Err(format!(
                        "{username} is a learner's account; invite the person as a teacher \
                         (baeum-server admin invite-teacher --site {site})"
                    )));
                }
                store.set_site_role(&site, account.id, role)?;
                Ok(Ok(()))
            })
            .await
            .map_err(|error| error.to_string())??;
            Ok(said)
        }
        SiteCommand::AdoptClasses(id) => {
            let site = id.clone();
            let moved = run_blocking(&state.store, move |store| {
                if !store.sites()?.iter().any(|known| known.id == site) {
                    return Ok(None);
                }
                store.adopt_classes(&site).map(Some)
            })
            .await
            .map_err(|error| error.to_string())?;
            match moved {
                Some(moved) => Ok(format!(
                    "{moved} classes now belong to the site {id}, and their teachers teach there"
                )),
                None => Err(format!("there is no site {id}")),
            }
        }
        SiteCommand::RotateKey(id) => {
            let new = crate::records::certificates::new_signing_key(&id, chrono::Utc::now());
            let public_key = new.public_key.clone();
            let site = id.clone();
            let rotated = run_blocking(&state.store, move |store| {
                if !store.sites()?.iter().any(|known| known.id == site) {
                    return Ok(false);
                }
                store.rotate_signing_key(&new)?;
                Ok(true)
            })
            .await
            .map_err(|error| error.to_string())?;
            if rotated {
                Ok(format!(
                    "site {id} signs its certificates with the key {public_key} from now; its \
                     earlier keys stay published and verify what they signed"
                ))
            } else {
                Err(format!("there is no site {id}"))
            }
        }
        SiteCommand::List => {
            let (sites, keys) = run_blocking(&state.store, |store| {
                let mut listed = Vec::new();
                for site in store.sites()? {
                    let staff = store.site_staff(&site.id)?;
                    listed.push((site, staff));
                }
                Ok((listed, store.signing_keys()?))
            })
            .await
            .map_err(|error| error.to_string())?;
            if sites.is_empty() {
                return Ok("no sites: every host serves the whole catalogue".into());
            }
            Ok(sites
                .iter()
                .map(|(site, staff)| {
                    let current = keys
                        .iter()
                        .find(|key| key.site_id == site.id && key.retired_at.is_none())
                        .map_or("none yet", |key| key.public_key.as_str());
                    let retired = keys
                        .iter()
                        .filter(|key| key.site_id == site.id && key.retired_at.is_some())
                        .count();
                    format!(
                        "{}\tsigning key: {current} ({retired} retired)",
                        describe(site, staff)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"))
        }
        SiteCommand::Remove(id) => {
            let shown = id.clone();
            let removed = run_blocking(&state.store, move |store| store.delete_site(&id))
                .await
                .map_err(|error| error.to_string())?;
            if removed {
                Ok(format!("site {shown} is closed"))
            } else {
                Err(format!("there is no site {shown}"))
            }
        }
    }
}

/// One line a site.
fn describe(site: &SiteRecord, staff: &[(uuid::Uuid, String, SiteRole)]) -> String {
    let names: Vec<String> = site
        .name
        .0
        .iter()
        .map(|(language, name)| format!("{language}={name}"))
        .collect();
    let courses = match &site.courses {
        CourseSelection::All => "every course".to_owned(),
        CourseSelection::Only(ids) => ids.iter().cloned().collect::<Vec<_>>().join(" "),
    };
    let staff: Vec<String> = staff
        .iter()
        .map(|(_, username, role)| format!("{username} ({})", role.as_str()))
        .collect();
    format!(
        "{}\t{}\thosts: {}\tcourses: {}\tstaff: {}",
        site.id,
        names.join(" "),
        site.hosts.join(" "),
        courses,
        if staff.is_empty() {
            "none".to_owned()
        } else {
            staff.join(", ")
        }
    )
}

/// The selected course ids the built catalogue in `content_dir` lacks (none when it cannot be
/// read: the content may be built later).
fn unknown_courses(selection: &CourseSelection, content_dir: &Path) -> Vec<String> {
    let CourseSelection::Only(ids) = selection else {
        return Vec::new();
    };
    let Some(catalog) = std::fs::read(content_dir.join(CATALOG_FILE_NAME))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<CatalogIndex>(&bytes).ok())
    else {
        return Vec::new();
    };
    ids.iter()
        .filter(|id| !catalog.courses.iter().any(|course| &course.id == *id))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arguments(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn a_site_is_set_whole() {
        let parsed = parse_site_arguments(&arguments(
            "set naju --name ko=나주 --name en=Naju --host Naju.Example.kr --host naju.localhost \
             --course hangul --data /tmp/d",
        ))
        .unwrap();
        let SiteCommand::Set(site) = parsed.command else {
            panic!("a set")
        };
        assert_eq!(site.id, "naju");
        assert_eq!(site.hosts, ["naju.example.kr", "naju.localhost"]);
        assert_eq!(site.name.get(Language::Ko), Some("나주"));
        assert_eq!(
            site.courses,
            CourseSelection::Only(["hangul".to_owned()].into())
        );
        assert_eq!(parsed.data, Some(PathBuf::from("/tmp/d")));
    }

    #[test]
    fn a_bad_site_is_refused_with_what_to_fix() {
        for (line, says) in [
            (
                "set Naju --name ko=나주 --host a.kr --all-courses",
                "site id",
            ),
            ("set naju --host a.kr --all-courses", "name"),
            (
                "set naju --name xx=N --host a.kr --all-courses",
                "not a language",
            ),
            ("set naju --name en=N --all-courses", "--host"),
            (
                "set naju --name en=N --host a.kr:80 --all-courses",
                "host name",
            ),
            ("set naju --name en=N --host a.kr", "which courses"),
            (
                "set naju --name en=N --host a.kr --course x --all-courses",
                "not both",
            ),
            ("set naju --name en=N --host a.kr --course X!", "course id"),
            ("remove", "one site ID"),
            ("staff naju someone", "ID USERNAME ROLE"),
            ("staff naju someone boss", "teacher, admin or none"),
            ("open naju", "unknown site command"),
        ] {
            let error = parse_site_arguments(&arguments(line)).unwrap_err();
            assert!(error.contains(says), "{line}: {error}");
        }
    }
}
