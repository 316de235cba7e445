# baeum's interface in English: the source language and the fallback for every other.
# Message ids are kebab-case and start with the area they belong to. Keep a message's
# arguments ($name) the same in every translation.

## Navigation: the main menu in the header

# Accessible name of the main navigation menu.
nav-main = Main
# Menu entry to the first screen, which lists the courses.
nav-courses = Courses
# Menu entry to the learner's own page: account, sync and learning history.
nav-me = Me
# Menu entry to this device's settings: downloads, storage, languages.
nav-device = Device

## Shell: the header, the connection indicator, the update banner and the sync status

# Link for keyboard and screen-reader users that jumps past the header to the page's content.
shell-skip-to-content = Skip to content
# Read by screen readers after the brand "배움 baeum" in the header, which links to the first screen.
shell-brand-home = home
# The connection indicator in the header.
shell-online = Online
shell-offline = Offline
# Banner shown when a new version of the app has been downloaded and is waiting.
shell-update-ready = A new version of baeum is ready.
shell-update-now = Update now
# Short sync status in the header, when every answer has reached the school's server.
shell-synced = Synced
# Short sync status in the header for a learner who is not signed in and has nothing waiting.
shell-saved-on-device = Saved on this device
# Short sync status in the header: $count answers (1 or more) wait to be sent to the school's server.
shell-waiting-to-sync = { $count } waiting to sync
# Short sync status in the header for a learner who is not signed in: $count answers (1 or more) are kept on this device only.
shell-waiting-on-device = { $count } saved on this device

## Home: today's standing and the list of courses

# Heading of the list of courses on the first screen.
home-courses-title = Courses
home-loading-courses = Loading courses…
# Link under home's courses to the page that searches every course of the site.
home-catalog-link = Search all courses
# Under each course in the list: $units is the number of units, $lessons the number of lessons,
# $size the download size with its unit (for example "2.4 MB").
home-course-meta = { $units ->
        [one] 1 unit
       *[other] { $units } units
    } · { $lessons ->
        [one] 1 lesson
       *[other] { $lessons } lessons
    } · { $size } to download
# Shown when content (the course list, a course or a lesson) cannot be shown.
# $reason says why (one of the load- messages, or a technical text in English).
home-load-failed = This could not be shown: { $reason }.
# Advice under the error above when the device is offline and the content was never downloaded.
home-load-advice-offline = Connect to the internet once to load it; after that it works offline.
# Advice under the error above in every other case.
home-load-advice-later = Try again later. Your progress is safe.
# Accessible name of the "today" panel at the top of the first screen.
home-today = Today
# Button to the lesson the learner left unfinished; $lesson is the lesson's title.
home-continue-lesson = Continue: { $lesson }
# Button to the next lesson after the last one finished; $lesson is the lesson's title.
home-next-lesson = Next: { $lesson }
# Streak line for a learner who has not done anything yet.
home-streak-first-lesson = Start your first lesson today.
# Streak line when the learner's streak of days has broken.
home-streak-start-new = Do a lesson today to start a new streak.
# $days is how many days in a row (1 or more) the learner has studied.
home-streak-days = { $days ->
        [one] { $days } day in a row
       *[other] { $days } days in a row
    }
# Link to the review session when no card is due.
home-no-reviews-due = No reviews due
# Link to the review session; $count (1 or more) is how many review cards are due.
home-reviews-due = { $count ->
        [one] { $count } review due
       *[other] { $count } reviews due
    }
# Accessible name of the progress bar of a course.
home-lessons-done = Lessons done
# Progress in a course: $done lessons finished out of $total lessons in the course.
home-lessons-progress = { $done } of { $total } lessons

## Progress: reading the learner's progress from the device

# $reason is why the device's storage failed (one of the storage- messages).
progress-storage-failed = your progress could not be read from this device: { $reason }
progress-fold-unavailable = Your progress could not be added up: a part of the app it needs could not be downloaded. Connect to the internet and open this page again. Nothing you did is lost.

## Not found: an address that is no page of the app

notfound-title = This page does not exist
notfound-back = Back to your courses

## Opening a page: its code is downloaded the first time it opens

page-chunk-loading = Opening the page…
# Shown in place of a page whose code could not be downloaded, with a button to try again.
page-chunk-failed = This page could not be downloaded. Check the connection and try again.
assignments-chunk-failed = Your assignments could not be downloaded. Check the connection and try again.
page-chunk-retry = Try again
# Below the retry button: when retrying does not help, the page may be from an older version of the app.
page-chunk-reload-hint = If this keeps happening while you are online, the app may have been updated in another tab: reload it.
page-chunk-reload = Reload the app

## Account page ("Me")

account-title = Me
account-intro = You can learn without an account: your progress is kept on this device. Sign in to keep it on the school's server too and to see it on your other devices.
account-history-link = My learning history: see it, save it as a file, import it
# Heading of the sync details on the "Me" page.
account-sync-heading = Sync
# Summary of the list of answers the school's server refused for good; $count is how many.
account-rejected-summary = { $count ->
        [one] 1 answer the server refused (kept on this device)
       *[other] { $count } answers the server refused (kept on this device)
    }
# One refused answer: $activity is the short technical name of the exercise, $reason why the server refused it.
account-rejected-entry = { $activity }: { $reason }
# Stands for $activity above when the refused answer names no exercise.
account-rejected-unknown-activity = unknown activity
# Button under the refused answers: puts them back among the answers waiting to be sent.
account-rejected-send-again = Send again
account-rejected-send-again-help = Once the school has fixed what made the server refuse these answers, send them again. An answer the server already holds in another form cannot be sent again.
# Said after "Send again"; $count is how many answers went back to be sent.
account-rejected-sent-again = { $count ->
        [one] 1 answer will be sent again
       *[other] { $count } answers will be sent again
    }
# Why the server refused an answer; $message is the server's own explanation (in English).
account-rejected-invalid = invalid: { $message }
account-rejected-conflict = conflict: { $message }
account-rejected-too-large = too large for the server

## Account panel: signing in, creating an account, signing out

# Accessible name of the sign-in panel.
account-panel = Account
account-username = Username
account-password = Password
# Teachers' app: the one-time code an administrator gives a new teacher, asked when creating an account.
account-invitation = Teacher invitation code
account-invitation-needed = creating a teacher's account needs the invitation code an administrator gave you
account-sign-in = Sign in
account-create = Create account
# $username is the signed-in account's name, shown in bold; place it where your language needs it.
account-signed-in-as = Signed in as { $username }
account-sign-out = Sign out
# Errors of signing in, creating an account or signing out; shown under the form.
account-wrong-credentials = wrong username or password
account-username-taken = this username is already taken
account-unreachable = the server could not be reached; try again when online
# $status is the HTTP status code number the server answered with (for example 500).
account-server-error = the server failed (http { $status }); try again later
# The server refused without saying why; $status is the HTTP status code number (for example 403).
account-server-refused = the server refused (http { $status })
# $detail is a technical description of what could not be read (in English).
account-unreadable-answer = the server sent an answer this app cannot read: { $detail }
# $reason is why the device's storage failed (one of the storage- messages).
account-storage-failed = sign-in could not be saved on this device: { $reason }

## The account holder's actions on the "Me" page

account-actions-heading = Your account
account-change-password-heading = Change password
account-current-password = Current password
account-new-password = New password
# Button of the password form.
account-change-password = Change password
account-password-changed = Password changed. Your other devices were signed out.
account-sign-out-everywhere = Sign out on every device
account-signed-out-everywhere = Signed out on every device, this one included.
account-delete-heading = Delete account
# Says plainly what deletion does, including to teachers' reports.
account-delete-explained = Deleting your account removes it from the school's server for good, with every answer you recorded and your place in your classes. Your teachers' reports will no longer show you; a report a teacher already saved as a file is the school's copy and is not changed. This device forgets the account and its answers too.
account-delete-confirm-label = I understand that this cannot be undone
account-delete = Delete my account
account-deleted = Your account was deleted.
# Shown when the password typed to confirm a change or a deletion is wrong.
account-wrong-current-password = the current password is wrong

## Sync details on the "Me" page

# Accessible name of the sync details.
sync-panel = Sync
# What sync is doing now.
sync-activity-syncing = Syncing…
sync-activity-up-to-date = Up to date
sync-activity-waiting-to-retry = Will try again soon
sync-activity-offline = Offline: progress is saved on this device
# The learner was signed in but the session ended (for example it expired).
sync-activity-sign-in-again = Sign in again to sync
sync-activity-not-signed-in = Not signed in: progress stays on this device
# Labels of the sync details, each followed by its value.
sync-waiting-label = Waiting to sync
sync-last-label = Last sync
# Value of "Last sync" when this device has never synced.
sync-last-never = Never
sync-problem-label = Problem
# Value of "Problem" when there is none.
sync-problem-none = None
sync-rejected-label = Refused by the server
sync-now = Sync now
# Values of "Problem": why the last sync attempt failed.
sync-problem-signed-out = signed out
sync-problem-server-unreachable = server unreachable
# $status is the HTTP status code number the server answered with (for example 500).
sync-problem-server-error = server error (http { $status })
# $detail is a technical description (in English).
sync-problem-unreadable-answer = server sent an unreadable answer: { $detail }
# $detail is the server's explanation (in English).
sync-problem-rejected = rejected: { $detail }
# The server (or something between it and the device) refused without naming an answer; $status is the HTTP status code number, $detail its explanation (in English).
sync-problem-refused = the server refused without naming an answer (http { $status }), so every answer stays on this device and is sent again later: { $detail }
# $detail is the browser's technical description (in English).
sync-problem-local-storage-failed = local storage failed: { $detail }

## Load errors: why content (the course list, a course, a lesson) could not be loaded

load-unreachable = the server could not be reached, and this has not been downloaded yet
# $status is the HTTP status code number (for example 404), $name the name of the file asked for.
load-status = the server answered { $status } for { $name }
# $course is the course's id as written in the address.
load-unknown-course = there is no course `{ $course }`
# $course is the course's id and $lesson the lesson's id, as written in the address.
load-unknown-lesson = course `{ $course }` has no lesson `{ $lesson }`
# A downloaded content file is broken. $kind says which file: the course list (catalog),
# a course's outline (manifest) or a lesson; $detail is a technical description (in English).
load-file-truncated = the { $kind ->
        [catalog] catalog
        [manifest] course manifest
       *[lesson] lesson
    } file is truncated ({ $detail })
# $kind as above; $line and $column are where in the file the error is; $detail is technical (in English).
load-file-malformed = the { $kind ->
        [catalog] catalog
        [manifest] course manifest
       *[lesson] lesson
    } file is malformed at line { $line }, column { $column }: { $detail }
load-file-unreadable = the { $kind ->
        [catalog] catalog
        [manifest] course manifest
       *[lesson] lesson
    } file is not in the form this version reads: { $detail }
# $kind as above; $detail is technical (in English).
load-file-inconsistent = the { $kind ->
        [catalog] catalog
        [manifest] course manifest
       *[lesson] lesson
    } file is inconsistent: { $detail }
# $kind as above; $found is the format number of the file, $expected the one this version of the app reads.
load-file-unsupported-format = the { $kind ->
        [catalog] catalog
        [manifest] course manifest
       *[lesson] lesson
    } file has pack format { $found }, but this version of baeum reads format { $expected }
# $name is a file name.
load-not-hashed-name = `{ $name }` is not a content-hashed file name (64 lowercase hex digits, a dot and an extension)
# $name is a file name, $actual a long hexadecimal checksum.
load-hash-mismatch = the bytes of `{ $name }` do not match its name: their sha256 is { $actual }

## Storage: why the device's storage failed

storage-indexeddb-unavailable = this browser offers no indexeddb here (a private window or an old browser)
storage-quota-exceeded = the device has no storage space left for this app
storage-version-too-new = the saved data comes from a newer version of the app; reload to update
# $detail is a technical description (in English).
storage-migration-failed = the saved data could not be upgraded: { $detail }
# $id is the answer's technical id.
storage-duplicate-statement = a statement with id { $id } is already recorded
# $detail is a technical description (in English).
storage-invalid-statement = the statement cannot be recorded: { $detail }
# $detail is a technical description (in English).
storage-serialization = a value could not be prepared for storage: { $detail }
# $key is the record's key (in quotes), $store the technical name of where it is stored,
# $detail a technical description (in English).
storage-unreadable-record = the record { $key } in { $store } is unreadable: { $detail }
storage-aborted = the write was interrupted and nothing of it was saved
# $name is the browser's technical name of the failure, $detail its technical description (in English).
storage-database-failed = the local database failed ({ $name }): { $detail }

## Lesson page: loading a lesson and telling whether the answers are saved on the device

# Link back from a lesson to the course it belongs to.
lesson-back-link = ← The course
lesson-loading = Loading the lesson…
# Shown after the lesson while its answers are being written to the device's storage.
lesson-saving = Saving your answers on this device…
lesson-saved = Saved on this device.
# $reason says why, in lowercase without a final full stop, e.g. "the device has no storage space left for this app" (some technical details stay in English).
lesson-save-failed = Some answers could not be saved on this device: { $reason }. Check the free space on this device and try the lesson again.

## Lesson player: items, answers, feedback and the summary at the end

# Accessible name of the progress bar at the top of a lesson.
lesson-progress = Lesson progress
# Which item of the lesson is shown: $current is its number, $total the number of items in the lesson. English: "3 / 12".
lesson-position = { $current } / { $total }
# Small label above a note about Korean culture inside a lesson.
lesson-culture-note = Culture note
# Accessible names of the buttons that play Korean audio; $text is the Korean word or sentence played.
lesson-hear-letter-name = Hear the letter's name: { $text }
lesson-hear-it = Hear it: { $text }
lesson-hear-word = Hear the word: { $text }
lesson-hear-example = Hear the example: { $text }
# Button of a listening exercise that plays the Korean to listen to; $text is the Korean played.
lesson-listen = Listen: { $text }
lesson-show-hint = Show a hint
# Button to the next item after a wrong answer, without answering correctly first.
lesson-continue-anyway = Continue anyway
lesson-continue = Continue
# Hidden label of the field where the learner types an answer in Korean.
lesson-typed-answer-label = Your answer in Korean
# Button that checks the learner's answer.
lesson-check = Check
# Accessible name of the line where the learner arranges Korean words into a sentence.
lesson-your-sentence = Your sentence
lesson-correct = Correct!
# Shown when a typed answer is accepted but its spacing or punctuation differs; $expected is the exact Korean answer.
lesson-correct-written-exactly = Correct. Written exactly: { $expected }
lesson-not-quite = Not quite.
# $answer is the correct Korean answer, shown in bold; place it where your language needs it.
lesson-answer-is = The answer is { $answer }
lesson-try-again = Try again, or continue.
# How a typed answer differs from the correct one, one line per difference.
# $expected is a Korean syllable (or character) of the correct answer, $given the one the learner typed.
lesson-diff-missing = { $expected } is missing
lesson-diff-extra = { $given } is not needed
lesson-diff-wrong = { $given } should be { $expected }
# A letter (jamo) inside a syllable is wrong: $given is the syllable typed, $expected the correct syllable,
# $part which letter of the syllable (initial consonant, vowel or final consonant),
# $expected_jamo the correct letter, $given_jamo the letter typed.
lesson-diff-jamo-wrong = in { $given } → { $expected }: the { $part ->
        [initial] first consonant
        [medial] vowel
       *[final] final consonant
    } is { $expected_jamo }, not { $given_jamo }
# A letter (jamo) is missing from a syllable: $given is the syllable typed, $expected the correct syllable,
# $part which letter of the syllable, $expected_jamo the missing letter.
lesson-diff-jamo-missing = in { $given } → { $expected }: the { $part ->
        [initial] first consonant
        [medial] vowel
       *[final] final consonant
    } { $expected_jamo } is missing
# A syllable has a letter (jamo) too many: $given is the syllable typed, $expected the correct syllable,
# $part which letter of the syllable, $given_jamo the extra letter.
lesson-diff-jamo-extra = in { $given } → { $expected }: the { $part ->
        [initial] first consonant
        [medial] vowel
       *[final] final consonant
    } { $given_jamo } is not needed
# A Vietnamese letter has the wrong tone mark: $given is the letter typed, $expected the correct letter,
# $expected_tone and $given_tone the Vietnamese names of the tones (ngang, sắc, huyền, hỏi, ngã, nặng; keep them as they are).
lesson-diff-tone = in { $given } → { $expected }: the tone mark is { $expected_tone }, not { $given_tone }
# A Vietnamese letter has the wrong letter mark (ă â ê ô ơ ư đ): $given is the letter typed, $expected the correct letter,
# $expected_letter the correct letter without tone, $given_letter the letter typed without tone.
lesson-diff-mark = in { $given } → { $expected }: the letter is { $expected_letter }, not { $given_letter }
# Heading of the summary at the end of a lesson.
lesson-complete = Lesson complete
# Score at the end of a lesson: $correct items answered right at the first try, out of $total exercises; $percent is the same as a whole percentage.
lesson-score = { $correct } of { $total } right the first time ({ $percent }%)
lesson-next-lesson = Next lesson
lesson-back-to-course = Back to the course

## Korean keyboard: on-screen dubeolsik keys and typing Korean with Latin keys

# Button that shows or hides the on-screen Korean keyboard.
keyboard-toggle = Korean keyboard
# Accessible name of the group of on-screen Korean keys.
keyboard-keys-label = Korean keyboard keys
# Accessible name of the Shift key; keep the Korean letters as they are.
keyboard-shift-label = Shift: tense consonants ㄲ ㄸ ㅃ ㅆ ㅉ and ㅒ ㅖ
# Accessible name of the Backspace key, which removes one letter of the syllable being typed.
keyboard-backspace-label = Backspace: delete one letter
# Accessible name of the space bar.
keyboard-space-label = Space
# Text printed on the space bar (lowercase in English).
keyboard-space-key = space
# Accessible name of the key that hides the on-screen keyboard.
keyboard-done-label = Done: hide the Korean keyboard
keyboard-done = Done
# Checkbox: the letter keys of a physical Latin (QWERTY) keyboard type the Korean letters at the same places. It is followed by the example "(gks → 한)".
keyboard-latin-to-hangul = Latin keys type Korean

## Recording answers

# Reason shown in lesson-save-failed when the app's storage layer did not start.
recording-no-sync-layer = no sync layer is running

## Reviews page: flash cards of what is due today

review-title = Reviews
review-loading = Finding today's reviews…
review-nothing-due = Nothing to review right now. Come back tomorrow, or do a new lesson.
# Shown as an error when the app's storage layer did not start.
review-no-sync-layer = the sync layer is not running
# Which card is shown: $current is its number, $total the number of cards today. English: "3 / 12".
review-position = { $current } / { $total }
# Heading when all of today's reviews are done.
review-done = Done for now
# $count is the number of cards reviewed.
review-reviewed-count = { $count ->
        [one] You reviewed 1 card.
       *[other] You reviewed { $count } cards.
    }
# Link back to the home page.
review-home = Home
# Label on a card the learner has never seen before.
review-new-card = New
review-show-answer = Show the answer
# The learner rates a card: they remembered it.
review-knew-it = I knew it
# The learner rates a card: they did not remember it yet.
review-not-yet = Not yet

## Course page: a course's units and lessons (src/pages/course.rs)

# Link back to the list of every course, at the top of a course's page.
course-all-courses = ← All courses
course-loading = Loading the course…
# After a lesson's title in the course outline, e.g. "Vowels · 12 steps". $count is the number
# of steps (exercises) in the lesson.
course-lesson-steps = · { $count ->
        [one] 1 step
       *[other] { $count } steps
    }

# A lesson's mark on the course's outline (issue 25), after its title and steps, once the
# learner has begun the course. Done: the lesson was completed.
course-lesson-done = Done
# Started but not completed: $seen of its $total steps were answered or read.
course-lesson-started = { $total ->
        [one] Started: { $seen } of 1 step
       *[other] Started: { $seen } of { $total } steps
    }
# Not started yet.
course-lesson-new = New
# Under a unit's title on the course's outline, once the learner has begun the course.
course-unit-progress = { $total ->
        [one] { $done } of 1 lesson done
       *[other] { $done } of { $total } lessons done
    }

# On a course's page, when this site takes the course by application (issue 21). The lessons
# open either way; only the certificate waits for the site's approval. Followed by a link,
# the Enrolment section's title (certificates-applications-title).
course-enrolment-application = This site takes this course by application: learn its lessons now, and get its certificate once the site approves you.
# The same, when the course is taken through a teacher's class at this site.
course-enrolment-assignment = This site gives this course through a teacher's class: learn its lessons now, and get its certificate once your class has it.

## Course downloads: the download panel on a course's page, the units' download lines, and the
## list of downloaded courses on the "This device" page (src/downloads.rs)

# Why a download stopped, shown after "Download stopped:" (see download-status-stopped), so it
# starts with a small letter and has no final full stop.
download-error-connection = the connection was lost. What is downloaded is kept; resume when you are online
# Why a download stopped. $name is the file's technical name (a long hash), $attempts the number
# of tries made (3).
download-error-damaged = { $name } kept arriving damaged ({ $attempts } tries); try again later
# Why a download stopped. $status is the HTTP status number the server answered (e.g. 404),
# $name the file's technical name (a long hash).
download-error-status = the server answered { $status } for { $name }
# Why a download stopped: the device's storage is full. "the Device page" is the "This device"
# page of the app (settings-title).
download-error-device-full = this device is full. Nothing was lost; delete the downloads of a course you have finished (listed on the Device page), or free space on the device, then resume
# Why a download stopped. $reason says what went wrong storing it (one of the storage-…
# messages, starting with a small letter).
download-error-storage = the download could not be stored: { $reason }
# Why the download panel stopped: deleting the downloads failed. $reason says what went wrong
# (one of the storage-… messages, starting with a small letter).
download-error-delete = the downloads could not be deleted: { $reason }
# Label of the download's progress bar, for screen readers.
download-progress-label = Download progress
# Shown when the browser's data saver is on.
download-save-data-note = Your browser asks to save data: downloading the text alone is the smaller choice.
# Button. $size is the size of the whole course, e.g. "12.5 MB".
download-start-all = Download for offline ({ $size })
# Button, when part of the course is already on the device. $size is what is left, e.g. "3.1 MB".
download-start-rest = Download the rest ({ $size })
# Button: download only the lessons' text, without the audio clips. $size is the size of the
# text, e.g. "240 KB".
download-start-text-only = Text only ({ $size }); audio plays when online
# Button, when the text is already downloaded. $size is the size of the missing audio.
download-start-audio-too = Download the audio too ({ $size })
download-resume = Resume download
# Button: pause the running download.
download-pause = Pause
download-delete = Delete downloads (keeps your progress)
# Under a unit's title, once the unit is downloaded. $size is the unit's size, e.g. "1.2 MB".
download-unit-on-device = { $size } · on this device
# Under a unit's title, before it is downloaded. $size is the unit's size, e.g. "1.2 MB".
download-unit-to-download = { $size } to download
# Button under a unit's title.
download-unit-start = Download this unit
# Why downloading the assignments stopped, shown after "Download stopped:"
# (classes-download-assigned-stopped), so it starts with a small letter.
download-assigned-paused = the download was paused
# Why downloading the assignments stopped, shown after "Download stopped:"
# (classes-download-assigned-stopped), so it starts with a small letter.
download-assigned-unavailable = this browser cannot keep downloads (a private window?)
# Heading on the "This device" page.
download-list-title = Downloaded courses
download-list-loading = Reading the downloads…
# $reason says what went wrong (one of the storage-… messages, starting with a small letter).
download-list-error = The downloads cannot be read: { $reason }.
download-list-empty = No course is downloaded. A course's page downloads it for offline use.
# One downloaded course in the list. $title is the course's title, $size the space its
# downloads take, e.g. "Hangul: 12.5 MB".
download-list-entry = { $title }: { $size }
# Button next to a downloaded course.
download-list-delete = Delete downloads
download-list-note = Deleting downloads keeps your progress; the course opens online again.
# Status line of the download panel.
download-status-checking = Checking what is on this device…
# Status line. $total is the size of the whole course with its audio, e.g. "12.5 MB".
download-status-not-downloaded = Not downloaded. The whole course with audio is { $total }.
# Status line. $stored is the size already on the device, $total the whole course's, e.g.
# "Partly downloaded: 3.1 MB of 12.5 MB."
download-status-partly = Partly downloaded: { $stored } of { $total }. Resume to get the rest.
# Status line. $text is the size of the downloaded text, $audio the size of the audio that is not
# downloaded.
download-status-text-only = Text downloaded: { $text } on this device. The audio ({ $audio }) plays only when online.
# Status line while downloading, before the time left is known. $done and $total are sizes, e.g.
# "Downloading: 3.1 MB of 12.5 MB".
download-status-downloading = Downloading: { $done } of { $total }
# Status line while downloading, with the estimated time left. $done and $total are sizes, e.g.
# "3.1 MB" and "12.5 MB".
download-status-few-seconds-left = Downloading: { $done } of { $total }, a few seconds left
# Status line while downloading, with the estimated time left. $done and $total are sizes,
# $seconds a number of seconds (6 to 89); "s" is the abbreviation of seconds.
download-status-seconds-left = Downloading: { $done } of { $total }, about { $seconds } s left
# Status line while downloading, with the estimated time left. $done and $total are sizes,
# $minutes a number of minutes (2 to 90); "min" is the abbreviation of minutes.
download-status-minutes-left = Downloading: { $done } of { $total }, about { $minutes } min left
# Status line while downloading, with the estimated time left. $done and $total are sizes,
# $hours a number of hours (2 or more); "h" is the abbreviation of hours.
download-status-hours-left = Downloading: { $done } of { $total }, about { $hours } h left
# Status line. $done and $total are sizes, e.g. "Paused: 3.1 MB of 12.5 MB downloaded."
download-status-paused = Paused: { $done } of { $total } downloaded.
# Status line. $reason says why, in one of the download-error-… messages.
download-status-stopped = Download stopped: { $reason }.
# Status line. $total is the size of the downloaded course, e.g. "12.5 MB".
download-status-complete = Downloaded: { $total } on this device. It works offline.
download-status-unavailable = This browser cannot keep downloads (a private window?). Lessons still open while online.

## "This device" page: languages, storage, connection (src/pages/settings.rs)

# Title of the page about what the app keeps on this device (phone or computer).
settings-title = This device
# Heading of the part of the page about the interface language.
settings-interface-language-title = Language
# Label before the list of interface languages; each language is listed by its own name.
# "baeum" is the app's name.
settings-interface-language-label = Show baeum in
# Heading of the part of the page about the language word meanings, hints and help texts are
# shown in (the learner's own language; the language learned is Korean).
settings-help-language-title = Help language
# Label before the list of help languages; each language is listed by its own name.
settings-help-language-label = Show meanings and help in
# Heading of the part of the page about storage space.
settings-storage-title = Storage
settings-storage-measuring = Measuring storage…
settings-storage-unreported = This browser does not report its storage.
# $used and $quota are sizes, e.g. "3.1 MB used of 1.2 GB available to baeum." "baeum" is the
# app's name.
settings-storage-use = { $used } used of { $quota } available to baeum.
# Label of the storage gauge, for screen readers.
settings-storage-meter-label = Storage used
settings-persistence-checking = Checking whether downloads are protected…
settings-persistence-protected = Your downloads and progress are protected: the browser will not delete them to free space.
settings-persistence-not-protected = The browser may delete downloads when the device runs low on space. Your answers are kept until they reach the school.
# Button: ask the browser never to delete the downloads to free space.
settings-protect-downloads = Protect my downloads
# Heading of the part of the page about using the app without a connection.
settings-offline-title = Offline use
settings-whole-app-explain = Every page you open stays on this device, so it opens again without a connection.
settings-whole-app-checking = Checking what is on this device…
# Button: download every page of the app at once, for offline use. $size is how much it
# downloads, e.g. "312 KB".
settings-whole-app-keep = Keep the whole app on this device ({ $size })
# Button, after keeping the whole app failed and its size is not known.
settings-whole-app-keep-again = Try again to keep the whole app on this device
settings-whole-app-keeping = Downloading the whole app…
settings-whole-app-kept = The whole app is on this device: every page opens offline.
settings-whole-app-failed = Some parts could not be downloaded. Connect to the internet and try again.
settings-whole-app-unavailable = This browser cannot keep the app for offline use at this address.
# Heading of the part of the page about the internet connection.
settings-connection-title = Connection
settings-connection-offline = Offline. Everything you downloaded still works; answers are kept on this device.
settings-connection-online = Online.
# Heading of the part of the page about the app (its name and version).
settings-about-title = About

## My learning history page (src/pages/history.rs)

history-no-storage = The history needs this device's storage, which is not available.
history-title = My learning history
# xAPI is the name of a standard for learning records; keep it as it is.
history-intro = This is your record. It is saved as standard xAPI statements, which any learning record store can read.
# Button: save the whole learning history as a file.
history-export = Save my history as a file
# Button: read a history file saved earlier (on this or another device).
history-import = Import a history file
history-loading = Reading your history…
history-empty = Nothing yet: your lessons will show here.
# One day of the history, after the date in bold, e.g.
# "Monday, 4 May 2026: 3 lessons completed, 20 answers (17 right), 5 items read".
# $lessons, $answers, $right and $items are numbers.
history-day-summary = : { $lessons ->
        [one] 1 lesson
       *[other] { $lessons } lessons
    } completed, { $answers ->
        [one] 1 answer
       *[other] { $answers } answers
    } ({ $right } right), { $items ->
        [one] 1 item
       *[other] { $items } items
    } read
# Why importing a history file failed; shown alone, starting with a small letter.
history-import-unreadable = the file could not be read
# Why importing a history file failed; shown alone, starting with a small letter. $error is a
# technical description of what is wrong in the file.
history-import-not-json = this is not a history file (not JSON: { $error })
# Why importing a history file failed; shown alone, starting with a small letter.
history-import-not-a-list = this is not a history file: it should be a list of statements
# The result of importing a history file. Each argument is a number of records (statements):
# $added were imported, $already_here were on this device already, $not_yours are another
# learner's, $unreadable could not be read.
history-import-result = Imported { $added }; { $already_here ->
        [one] 1 was already here
       *[other] { $already_here } were already here
    }; { $not_yours ->
        [one] 1 belongs to another learner
       *[other] { $not_yours } belong to another learner
    }; { $unreadable } could not be read.

## My classes page and the learner's assignments (src/teaching/learner.rs)

# Title of the page where a learner joins classes and sees them.
classes-title = My classes
classes-loading = Loading…
classes-signed-out = Sign in to join your class. You need the code your teacher gives you; no email is needed.
# Heading of the form where a learner types the code their teacher gave.
classes-join-title = Join a class
# Label of the field for the class code.
classes-join-code-label = Class code from your teacher
# Button of the form.
classes-join-button = Join class
classes-join-code-missing = Type the code your teacher gave you.
# After joining a class. $class is the class's name, $teacher the teacher's username.
classes-joined = You joined { $class } (teacher: { $teacher }).
classes-join-unknown-code = No class has this code. Check the code with your teacher and type it again.
# $reason is the server's explanation, in English.
classes-join-not-a-code = This is not a class code: { $reason }.
# After too many wrong codes. $wait is how long to wait, in classes-wait-seconds or
# classes-wait-minutes, e.g. "45 seconds" or "9 minutes".
classes-join-rate-limited = Too many wrong codes. Wait { $wait } and try again.
# A wait, used in classes-join-rate-limited. $seconds is a number of seconds (under 120).
classes-wait-seconds = { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}
# A wait, used in classes-join-rate-limited. $minutes is a number of minutes (2 or more).
classes-wait-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
classes-join-offline = You are offline. Joining a class needs a connection; try again when online.
classes-join-signed-out = Sign in first, then type the class code.
# $reason is the server's explanation, in English.
classes-join-forbidden = This account cannot join: { $reason }.
# $reason is the server's explanation, in English.
classes-join-failed = Joining failed: { $reason }.
# Heading of the list of classes the learner is in.
classes-mine-title = Classes I am in
classes-none = You are not in a class yet.
# After a class's name in the list, e.g. "Korean 1 · teacher kim". $teacher is the teacher's
# username.
classes-class-teacher = · teacher { $teacher }
# $time is the date and time the list was last fetched from the server.
classes-list-as-of = Class list as of { $time }
# Shown to a teacher, around a link to the Teach page: "Your classes and their join codes are
# on the [Teach] page." This is the text before the link.
classes-for-teacher-before = Your classes and their join codes are on the
# The link's text: the name of the Teach page in the menu.
classes-for-teacher-link = Teach
# The text after the link (see classes-for-teacher-before).
classes-for-teacher-after = page.
# Heading of the learner's assignments (lessons their teacher assigned).
classes-my-assignments-title = My assignments
# $time is the date and time the assignments were last fetched from the server.
classes-assignments-as-of = As of { $time }
classes-assignments-loading = Loading your assignments…
classes-no-assignments = Nothing assigned yet. Lessons your teacher assigns appear here.
# Button: download every assigned lesson onto the device, to use without a connection.
classes-download-assigned = Download my assignments for offline
classes-download-assigned-finding = Finding what your assignments need…
# While the assignments download. $current is the number of the course or unit being
# downloaded, $total how many there are, e.g. "Downloading 2 of 5…".
classes-download-assigned-progress = Downloading { $current } of { $total }…
classes-download-assigned-done = Your assigned lessons are on this device: they open offline.
# $reason says why, e.g. in download-assigned-paused or one of the download-error-… messages.
classes-download-assigned-stopped = Download stopped: { $reason }.
# On an assignment, before the teacher's username in bold: "Assigned by kim · class Korean 1".
classes-assignment-assigned-by = Assigned by
# On an assignment, after the teacher's username. $class is the class's name.
classes-assignment-class = · class { $class }
# On an assignment, before its due date and time: "Due 5 May 2024, 18:00".
classes-assignment-due = Due
# On an assignment, after its due date, when the date has passed.
classes-assignment-overdue = · Overdue
# An assignment's progress. $status is its status in words (e.g. "In progress"), $done the
# number of its lessons done, $total the number of its lessons.
classes-assignment-progress = { $status } ({ $done } of { $total ->
        [one] 1 lesson
       *[other] { $total } lessons
    } done)

## Teacher pages

# Navigation link to the teacher pages, shown to teachers.
teach-nav-teach = Teach
# Navigation link to the learner's class list, shown to everyone who is not a teacher.
teach-nav-classes = Classes

## Teacher pages: errors from the school server
## These are put into other sentences after a colon (for example "The class was not created: …"),
## so in English they start with a lower-case letter.

teach-error-signed-out = you are not signed in on this device; sign in to continue
teach-error-offline = the server could not be reached; try again when online
# $reason is the server's explanation, in English, as the server wrote it.
teach-error-forbidden = your account may not do this: { $reason }
# $seconds is how many seconds to wait. English always says "seconds"; other languages may
# select a plural form on $seconds.
teach-error-rate-limited = too many tries; wait { $seconds ->
        [one] 1 second
       *[other] { $seconds } seconds
    } before trying again
# $error is a technical description of the problem, in English.
teach-error-unprepared = the assignment could not be prepared: { $error }
# $error is a technical description of the problem, in English.
teach-error-unreadable-answer = the server sent an answer this app cannot read: { $error }
# $status is the HTTP status code, for example 500.
teach-error-refused = the server refused (http { $status })

## Teacher pages: where a learner stands with an assignment

teach-status-not-started = Not started
teach-status-in-progress = In progress
teach-status-done = Done

## Teacher pages: dates and times

# A due date the teacher typed is missing. Put after "The due date is not usable: ".
teach-due-missing = choose a due date and time
# A due date the teacher typed cannot be read. $input is what was typed, already in double
# quotes. Keep the example 2026-12-01T17:00 as it is. Put after "The due date is not usable: ".
teach-due-unreadable = { $input } is not a date and time like 2026-12-01T17:00
# Shown instead of a date and time when a learner has never been active
# (for example after "last active").
teach-time-never = never
# A time a page's data was fetched or computed. $time is a date and time, already formatted.
teach-as-of = As of { $time }
# After an assignment's name: when it is due. $time is a date and time, already formatted.
teach-due = due { $time }
# After a learner's name: when they last did something. $time is a date and time, already
# formatted, or the word for "never".
teach-last-active = last active { $time }

## Teacher pages: names of courses, units and lessons

# A unit whose title is not known yet; $id is its identifier, for example "consonants".
teach-unit-by-id = unit { $id }
# A lesson whose title is not known yet; $id is its identifier, for example "consonants-1".
teach-lesson-by-id = lesson { $id }
# What an assignment covers: a whole unit of a course. $course and $unit are their titles.
teach-target-whole-unit = { $course } › { $unit } (whole unit)
# What an assignment covers: a whole course. $course is its title.
teach-target-whole-course = { $course } (whole course)

## Teacher pages: who may see them

teach-loading = Loading…
teach-signed-out = Sign in with a teacher account to create classes and assign lessons.
# $link is replaced by a link whose text is teach-not-teacher-link ("My classes").
teach-not-teacher = These pages are for teachers. Your classes and assignments are under { $link }.
# The text of the link in teach-not-teacher: the learner's page of their classes.
teach-not-teacher-link = My classes

## Teacher pages: the teacher's classes

teach-classes-title = My classes
teach-new-class-name = New class name
teach-create-class = Create class
teach-create-class-name-missing = Give the class a name.
# $error says why, in lower case (see the errors from the school server).
teach-create-class-failed = The class was not created: { $error }
teach-no-classes = No classes yet. Create one above.
# How many learners are in a class. $count is the number.
teach-class-learner-count = { $count ->
    [one] { $count } learner
   *[other] { $count } learners
}
# The caption above a class's join code, which learners type to join the class.
teach-join-code = Join code

## Teacher pages: one class

# Link back to the list of the teacher's classes.
teach-back-to-classes = ← My classes
teach-class-address-invalid = This address does not name a class.
# The page title while the class's name is not loaded yet.
teach-class-title-fallback = Class
teach-class-settings = Class settings
teach-class-name = Class name
# Button: give the class the name typed in the field.
teach-rename = Rename
teach-class-renamed = The class was renamed.
# $error says why, in lower case (see the errors from the school server).
teach-rename-failed = Not renamed: { $error }
teach-rotate-join-code = Make a new join code
# Shown next to the button teach-rotate-join-code.
teach-rotate-join-code-hint = Learners already in the class stay in it; the old code stops working.
teach-join-code-rotated = The class has a new join code; the old one no longer works.
# $error says why, in lower case (see the errors from the school server).
teach-rotate-failed = No new code: { $error }

## Teacher pages: the site of the address, for its staff (src/teaching/site_page.rs). A site is
## a city's, a county's or a school's own address of baeum.

# Link on the teachers' home, for those who run the site.
teach-site-link = Run this site
teach-site-not-yours = This page is for the staff of the site this address belongs to.
teach-site-role-teacher = You teach at this site.
teach-site-role-admin = You run this site.
teach-site-role-platform-admin = You run the platform, this site included.
teach-site-courses-title = Courses offered here
teach-site-courses-all = Every course of the platform, now and later
teach-site-courses-only = Only the courses ticked below
teach-site-courses-save = Save the courses
teach-site-courses-saved = Saved. Learners see the courses chosen when they next open the site.
teach-site-courses-none = Tick at least one course, or offer every course.
# $error says why, in lower case (see the errors from the school server).
teach-site-failed = Not done: { $error }
teach-site-staff-title = Staff of this site
teach-site-staff-teacher = Teacher
teach-site-staff-admin = Runs the site
teach-site-staff-role-label = Role of { $name }
teach-site-staff-remove = Take off the staff
teach-site-staff-saved = Saved.
teach-site-staff-hint = Teachers join by invitation. Their classes stay theirs when they leave the staff.
teach-site-featured-title = Featured on home
teach-site-featured-hint = Learners at this site see these courses first on home, in this order. With none, home lists the first courses of the catalogue.
teach-site-featured-up = Move up
teach-site-featured-up-label = Move { $course } up
teach-site-featured-remove = Remove
teach-site-featured-remove-label = Remove { $course } from home
teach-site-featured-choose = A course of this site
teach-site-featured-add = Feature on home
teach-site-featured-saved = Saved.
teach-site-invite-title = Invite a teacher
teach-site-invite-hint = A one-time code: the new teacher types it when making their account in the teachers' app at this site's address.
teach-site-invite = Make an invitation code
# $time: the date and time until which the code works.
teach-site-invitation-until = usable until { $time }
teach-site-report-title = Learning at this site
# $smallest is 5.
teach-site-report-hint = Per course and month. A number resting on fewer than { $smallest } learners is not shown, so that no child can be picked out.
teach-site-report-empty = No learning recorded at this site yet.
teach-site-column-course = Course
teach-site-column-month = Month
teach-site-column-active = Learners active
teach-site-column-lessons = Lessons completed
teach-site-column-courses = Courses completed
teach-site-report-download = Download the report (CSV)
# In a report cell whose number is not shown; $smallest is 5.
teach-site-suppressed = fewer than { $smallest }
teach-site-certificates-title = Certificates
teach-site-certificates-hint = The certificates this site issued, newest first. Withdraw one issued by mistake: checking it then says it was withdrawn, and its learner may ask for it again.
teach-site-certificates-none = This site has issued no certificate yet.
teach-site-certificate-course = Course
teach-site-certificate-name = Name on it
teach-site-certificate-issued = Issued
teach-site-certificate-state = State
teach-site-certificate-revoked = Withdrawn { $time }
teach-site-certificate-revoke = Withdraw
teach-site-certificate-revoke-confirm = Withdraw the certificate of { $name } for { $course }? This cannot be undone.

## Teacher pages: a class taught with another school (src/teaching/joint.rs). A "school" here
## is a site of baeum: a city's, a county's or a school's own address.

teach-joint-title = Teaching with another school
# $names: the schools' names, separated by commas.
teach-joint-schools = Schools: { $names }
teach-joint-teachers = Teachers
# After the name of the teacher who made the class.
teach-joint-owner = made this class
teach-joint-hint = To teach this class together with a teacher of another school, give them this teacher code. They enter it in baeum at their own school's address; their learners then join there with the class's join code.
teach-joint-code = Teacher code
teach-joint-make-code = Make a teacher code
teach-joint-withdraw-code = Stop this code
# Button that takes another teacher off the class; $name is their user name.
teach-joint-remove = Take { $name } off this class
teach-joint-leave = Leave this class
# $error says why, in lower case (see the errors from the school server).
teach-joint-failed = Not changed: { $error }
teach-joint-take-up-title = Teach a class with another school
teach-joint-take-up-code = Teacher code from the class's teacher
# Button: become a teacher of the class whose teacher code was typed.
teach-joint-take-up = Teach this class
# $error says why, in lower case (see the errors from the school server).
teach-joint-take-up-failed = The class was not taken up: { $error }
# Label of the choice of whose learners the dashboard shows.
teach-joint-filter = Show the learners of
teach-joint-filter-all = every school

## Teacher pages: the learners in a class

teach-members-title = Learners
teach-no-members = No learners yet. They join with the code above.
# Button next to a learner's name: take them out of the class.
teach-remove = Remove
# Screen reader label of the button teach-remove. $name is the learner's user name.
teach-remove-member-label = Remove { $name }
# Screen reader label of the group that asks before removing a learner.
teach-confirm-removal = Confirm removal
# Asked before removing a learner from the class. $name is the learner's user name.
teach-remove-question = Remove { $name } from this class? They lose access to its assignments.
teach-remove-yes = Yes, remove
# Button: do not remove the learner after all.
teach-remove-keep = Keep
# $name is the learner's user name; $error says why, in lower case.
teach-remove-failed = { $name } was not removed: { $error }

## Teacher pages: assigning lessons

teach-assign-title = Assign lessons
teach-assign-course = Course
teach-assign-choose-course = Choose a course
# $error is a technical description of the problem, in English.
teach-assign-catalog-failed = The course list could not be loaded: { $error }.
teach-assign-unit = Unit (optional)
# Choice in the unit list: assign every unit of the course.
teach-assign-whole-course = The whole course
teach-assign-lesson = Lesson (optional)
# Choice in the lesson list: assign every lesson of the unit.
teach-assign-whole-unit = The whole unit
teach-assign-due = Due (your local time)
teach-assign-note = Note for learners (optional)
# Heading of the choice of who the assignment is for.
teach-assign-for = For
teach-assign-whole-class = The whole class
teach-assign-chosen-learners = Chosen learners
# Button that creates the assignment.
teach-assign = Assign
teach-assign-course-missing = Choose a course to assign.
# $problem says what is wrong with the typed due date, in lower case.
teach-assign-due-unusable = The due date is not usable: { $problem }.
teach-assign-learners-missing = Choose at least one learner, or assign it to the whole class.
teach-assigned = Assigned.
teach-assigned-offline = Saved on this device; it is sent when you are online again.
# $error is a technical description of the problem, in English.
teach-assign-save-failed = The assignment could not be saved on this device: { $error }

## Teacher pages: the list of a class's assignments

teach-assignments-title = Assignments
# An assignment created on this device that has not reached the server yet.
teach-queue-waiting = Waiting to send
# The server refused an assignment for good. $reason says why, in lower case.
teach-queue-refused = Not accepted by the server: { $reason }
# Button: hide a refused assignment.
teach-queue-dismiss = Dismiss
# Who an assignment is for: every learner of the class.
teach-audience-whole-class = whole class
# Who an assignment is for: some chosen learners. $count is how many.
teach-audience-learners = { $count ->
    [one] { $count } learner
   *[other] { $count } learners
}
# The teacher's note on an assignment, in quotation marks. $note is the note.
teach-quoted-note = “{ $note }”

## Teacher pages: the progress dashboard

teach-dashboard-title = Progress
teach-dashboard-loading = Loading the dashboard…
teach-dashboard-offline = This is the copy saved on this device; it could not be refreshed.
teach-dashboard-learners = Learners
teach-most-missed-title = Most missed items
teach-no-missed-items = No missed items yet.
# How often the class got an item wrong. $wrong is the wrong answers, $attempts all answers,
# $learners how many learners got it wrong.
teach-missed-by-class = missed { $wrong } of { $attempts ->
        [one] 1 time
       *[other] { $attempts } times
    }, by { $learners ->
        [one] 1 learner
       *[other] { $learners } learners
    }
teach-column-learner = Learner
teach-column-lesson = Lesson
teach-column-status = Status
teach-column-lessons = Lessons
teach-column-score = Score
# Column of when a learner last did something.
teach-column-last-active = Last active
# A learner is late with an assignment.
teach-overdue = Overdue
# Lessons done out of all lessons of an assignment. $done and $total are numbers.
teach-lessons-done-of = { $done } of { $total }
# A score as a percentage. $percent is a whole number, already formatted, for example 83.
teach-score-percent = { $percent }%
teach-csv-download = Download CSV
teach-csv-refused-by-browser = The browser did not accept the download.
# $error says why, in lower case (see the errors from the school server).
teach-csv-failed = No CSV: { $error }

## Teacher pages: one learner

# Link back to the class page.
teach-back-to-class = ← Back to the class
# The page title while the learner's name is not loaded yet.
teach-learner-title-fallback = Learner
# $time is when the data was computed; $last_active when the learner last did something, or
# the word for "never". Both are already formatted.
teach-drill-down-as-of = As of { $time } · last active { $last_active }
# When an assignment is due. $time is a date and time, already formatted.
teach-drill-down-due = Due { $time }
teach-items-missed-title = Items missed
teach-nothing-missed = Nothing missed yet.
# How often this learner got an item wrong. $wrong is the wrong answers, $attempts all answers.
teach-missed-by-learner = missed { $wrong } of { $attempts ->
        [one] 1 time
       *[other] { $attempts } times
    }

## Wellbeing: the check-in on home and where to get help (src/wellbeing.rs)

# Menu entry to the page that lists help lines (people to talk to).
nav-help = Help
# The daily question on home, for a child. Also the heading of its switch on the Device page.
check-in-title = How are you today?
# Screen-reader names of the five faces, from the saddest to the happiest.
check-in-face-1 = Very sad
check-in-face-2 = A little sad
check-in-face-3 = Okay
check-in-face-4 = Good
check-in-face-5 = Very happy
# Label of an optional text box; the child may write in any language.
check-in-words = A few words, if you like (in any language)
check-in-talk = I would like to talk to someone
# Label of the choice of who may see the answer.
check-in-share = Who may see this?
check-in-share-nobody = Only me
# One choice: a teacher by name and their class, e.g. "ms-kim, teacher of Korean 1".
check-in-share-teacher = { $teacher }, teacher of { $class }
check-in-privacy = Only you can see your answer, unless you choose a teacher. It is never part of any mark.
check-in-save = Save
check-in-skip = Not today
check-in-thanks = Thank you for answering.
# Shown after saving with "I would like to talk to someone" and "Only me": nobody else will see the request.
check-in-talk-private = Only you can see this, so no teacher knows you would like to talk. Next time you can choose a teacher, or tell an adult you trust, or use the help lines on the help page.
# Shown after saving with "I would like to talk to someone" and a teacher chosen.
check-in-talk-shared = Your teacher will see this the next time they open baeum. If you need help now, the help page has people you can call.
check-in-skipped = That is fine. See you tomorrow.
# Shown after a sad face or "I would like to talk to someone", above a link to the help page.
check-in-low = It is okay to feel this way. You are not alone: there are people who want to help you.
# $reason is a technical message.
check-in-not-saved = Your answer could not be saved: { $reason }
# Heading of the help page, and the link to it.
help-title = Where to get help
help-intro = If something feels hard, it is brave to ask for help. You do not have to be sure it is serious, and you do not need perfect Korean.
help-trusted-adult = You can always talk to a teacher, a parent or another adult you trust. These people are there to listen, too:
# Label of the choice of country whose help lines are shown.
help-country = Where are you?
# Button that calls a help line; $number is its phone number.
help-call = Call { $number }
help-loading = Looking for the help lines…
help-lines-unavailable = The help lines cannot be shown without a connection. Talk to a teacher or another adult you trust, or open this page again when you are online.
settings-check-in-title = How are you today?
settings-check-in-enabled = Ask me "How are you today?" on the home page (at most once a day)
# Heading of the list of teachers who see the learner's check-ins, on the Device page.
settings-check-in-shared-title = Who sees my answers
settings-check-in-shared-none = You have not shared any answer with a teacher.
settings-check-in-shared-intro = These teachers can see the answers you chose to share with them. You can take them back at any time.
# How many answers are shared with one teacher.
settings-check-in-shared-count = { $count ->
        [one] 1 answer
       *[other] { $count } answers
    }
# In place of a teacher's name, for a class the learner is no longer in (or that this device does not know yet).
settings-check-in-shared-left-class = A class you are no longer in
# Button: the teacher will no longer see any of these answers.
settings-check-in-shared-stop = Stop sharing
settings-check-in-shared-stopped = Done. That teacher can no longer see those answers.
# $reason is a technical message.
settings-check-in-shared-not-stopped = Sharing could not be stopped: { $reason }
# $reason is a technical message.
settings-check-in-shared-unreadable = Your shared answers cannot be listed: { $reason }
history-export-check-ins = Put my check-ins ("How are you today?") in the file too

## Wellbeing in the teachers' app (src/teaching/wellbeing.rs)

teach-wellbeing-title = How are your learners?
teach-wellbeing-intro = Only learners who chose to share their check-ins with you are listed here.
teach-wellbeing-none = No learner in this class has shared a check-in with you.
# The trend of a learner's recent check-ins.
teach-wellbeing-trend-better = Feeling better lately
teach-wellbeing-trend-steady = About the same lately
teach-wellbeing-trend-lower = Feeling lower lately
# Accessible name of a row of faces, the learner's recent check-ins.
teach-wellbeing-recent = Recent check-ins
# Read by screen readers for one face; $mood is 1 (very sad) to 5 (very happy).
teach-wellbeing-mood = { $mood } of 5
# A learner's open request; $time is when they asked.
teach-wellbeing-request = Would like to talk ({ $time })
teach-wellbeing-mark-seen = Mark as seen
# A request the teacher already marked seen; $asked and $seen are times.
teach-wellbeing-request-seen = Asked to talk ({ $asked }), seen { $seen }
teach-wellbeing-no-open-requests = No learner is waiting to talk with you.
teach-wellbeing-open-requests = { $count ->
        [one] 1 request to talk is waiting for you.
       *[other] { $count } requests to talk are waiting for you.
    }

## The catalogue: every course of the site, searched page by page (src/pages/catalog.rs)

catalog-title = All courses
# Label of the field for words of a course's title.
catalog-search-label = Words in the title
catalog-subject-label = Subject
catalog-level-label = Level
catalog-language-label = Help in
# The choice of a subject or level that leaves it open.
catalog-any = Any
catalog-subject-korean = Korean
catalog-subject-vietnamese = Vietnamese
catalog-subject-math = Maths
catalog-subject-science = Science
catalog-subject-social = Social studies
catalog-subject-other = Other
catalog-level-beginner = Beginner
catalog-level-elementary = Elementary
catalog-level-intermediate = Intermediate
# Button that runs the search.
catalog-search = Search
catalog-total = { $count ->
    [one] One course
   *[other] { $count } courses
}
catalog-none = No course matches.
# Shown when the search ran on the device, without a connection; $count: the courses it knows.
catalog-offline = Offline: searching the { $count } courses seen on this device.
# $size: the download's size, for example "1.2 MB".
catalog-lessons = { $lessons ->
    [one] 1 lesson
   *[other] { $lessons } lessons
}, { $size }
# Accessible name of the row of page buttons.
catalog-pages = Pages of results
catalog-page = Page { $page } of { $pages }
catalog-previous = Previous
catalog-next = Next

## Certificates: the learner's certificates and checking one (src/pages/certificates.rs, src/pages/verify.rs)

certificates-title = My certificates
certificates-intro = A certificate says you completed a course at a site. It stays on this device: you can show it, print it or give its QR code with no connection.
certificates-none = You have no certificate yet.
certificates-as-of = As of { $time }, when this device last reached the server.
# The kind of document, shown under its Korean name 수료증.
certificates-kind = Certificate of completion
certificates-issuer = Issued by
certificates-date = Date
certificates-hours = Learning time
certificates-hours-value = { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    }
certificates-id = Number
certificates-revoked = The site withdrew this certificate on { $date }.
certificates-qr-label = QR code: scan it to check this certificate
certificates-code = The certificate as text
certificates-print = Print
certificates-save = Save as a file
certificates-save-all = Save all my certificates in one file
certificates-request-title = Get a certificate
certificates-request-intro = When you have completed a course at this site, ask for its certificate. The server checks your answers that have reached it.
certificates-course = Course
certificates-name = Your name as it should be printed
certificates-request = Ask for the certificate
certificates-issued = Your certificate is ready.
# $done and $total count the lessons of the course that count toward its certificate.
certificates-not-yet = Not complete yet: { $done } of { $total } lessons count.
certificates-missing-lesson = { $lesson }: not completed yet
# $best is the learner's best score in percent.
certificates-low-score = { $lesson }: best score { $best }%, finish it again with a higher score
certificates-not-offered = This site gives no certificate for that course.
certificates-sign-in = Sign in to get certificates.
certificates-verify-link = Check a certificate
certificates-verify-title = Check a certificate
certificates-verify-intro = Paste the certificate's text or open its file. Checking needs no connection once this device has the sites' keys.
certificates-verify-text = The certificate's text
certificates-verify-file = Open a certificate file
certificates-verify = Check
certificates-valid = Genuine
certificates-valid-detail = { $site } certifies that { $name } completed { $course } ({ $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    }) on { $date }.
certificates-refused = Not accepted
certificates-claims = It says: { $name }, { $course }, { $site }, { $date }.
certificates-refusal-unreadable = This is not a certificate, or it is damaged or cut short.
certificates-refusal-unknown-key = No site of this platform signed it, as far as this device knows. Connect once to fetch the newest keys, then check again.
certificates-refusal-other-site = It was signed with another site's key than the site it names.
certificates-refusal-retired = It is dated after the key that signed it was replaced.
certificates-refusal-tampered = Something in it was changed after it was signed.
certificates-refusal-revoked = The site withdrew it on { $date }.
certificates-checked-as-of = Checked against the sites' keys and withdrawn certificates as of { $time }.
certificates-no-keys = This device does not have the sites' keys yet. Connect to the internet once and open this page again.
certificates-not-enrolled = At this site this course is taken by application or through a teacher's class, and you are not enrolled in it yet. See Enrolment above.
certificates-applications-title = Enrolment
certificates-applications-intro = Some courses at this site are taken by application: apply here, and the site tells you what it decides. You can learn their lessons while you wait.
certificates-applications-places = { $places ->
    [one] ({ $places } place)
   *[other] ({ $places } places)
}
certificates-applications-apply = Apply
certificates-applications-by-assignment = Taken through a teacher's class at this site.
certificates-applications-queued = Not sent yet: it goes when this device is online.
certificates-applications-refused = Not accepted: { $reason }
certificates-applications-mine = My applications
certificates-applications-none = You have not applied to any course.
certificates-applications-applied = applied { $date }
certificates-applications-pending = Waiting for the site's decision
certificates-applications-waiting = On the waiting list: place { $place }
certificates-applications-approved = Approved
certificates-applications-declined = Declined: { $reason }
certificates-applications-withdrawn = Withdrawn
certificates-applications-withdraw = Withdraw
teach-site-enrolment-title = Enrolment
teach-site-enrolment-hint = How learners enter each course here: open (anyone starts at once), by application (you approve or decline), or through a teacher's class that assigns it. Certificates go only to enrolled learners. Lessons stay open to all.
teach-site-enrolment-course = Course
teach-site-enrolment-mode = How it is entered
teach-site-enrolment-open = Open
teach-site-enrolment-application = By application
teach-site-enrolment-assignment = Through a teacher's class
teach-site-enrolment-capacity = Places (empty: no limit)
teach-site-enrolment-places = { $places ->
    [one] ({ $places } place)
   *[other] ({ $places } places)
}
teach-site-enrolment-save = Save
teach-site-enrolment-saved = Saved.
teach-site-applications-title = Applications
teach-site-applications-none = No applications yet.
teach-site-applications-approve = Approve
teach-site-applications-decline = Decline
teach-site-applications-reason = Reason for declining (the learner reads it)
certificates-progress-title = Toward a certificate
certificates-progress-line = { $course }: { $done } of { $total } lessons count
certificates-verify-scan = Scan with the camera
certificates-verify-scan-stop = Stop the camera
certificates-verify-scan-problem = The camera could not be opened. Allow this page to use it, or paste the certificate's text.
