# baeum's interface in Korean.
# 용어: course 코스, unit 단원, lesson 레슨, review 복습, download 다운로드, sync 동기화,
# class 반, assignment 과제, offline 오프라인, learner 학생, teacher 선생님. 말투는 해요체.

## Navigation: the main menu in the header

# Accessible name of the main navigation menu.
nav-main = 주 메뉴
# Menu entry to the first screen, which lists the courses.
nav-courses = 코스
# Menu entry to the learner's own page: account, sync and learning history.
nav-me = 내 정보
# Menu entry to this device's settings: downloads, storage, languages.
nav-device = 기기

## Shell: the header, the connection indicator, the update banner and the sync status

# Link for keyboard and screen-reader users that jumps past the header to the page's content.
shell-skip-to-content = 본문으로 건너뛰기
# Read by screen readers after the brand "배움 baeum" in the header, which links to the first screen.
shell-brand-home = 홈
# The connection indicator in the header.
shell-online = 온라인
shell-offline = 오프라인
# Banner shown when a new version of the app has been downloaded and is waiting.
shell-update-ready = 배움의 새 버전이 준비됐어요.
shell-update-now = 지금 업데이트
# Short sync status in the header, when every answer has reached the school's server.
shell-synced = 동기화 완료
# Short sync status in the header for a learner who is not signed in and has nothing waiting.
shell-saved-on-device = 이 기기에 저장됨
# Short sync status in the header: $count answers (1 or more) wait to be sent to the school's server.
shell-waiting-to-sync = { $count }개 동기화 대기 중
# Short sync status in the header for a learner who is not signed in: $count answers (1 or more) are kept on this device only.
shell-waiting-on-device = { $count }개 이 기기에 저장됨

## Home: today's standing and the list of courses

# Heading of the list of courses on the first screen.
home-courses-title = 코스
home-loading-courses = 코스를 불러오는 중…
home-catalog-link = 모든 코스 찾아보기
# Under each course in the list: $units is the number of units, $lessons the number of lessons,
# $size the download size with its unit (for example "2.4 MB").
home-course-meta = 단원 { $units }개 · 레슨 { $lessons }개 · 다운로드 { $size }
# Shown when content (the course list, a course or a lesson) cannot be shown.
# $reason says why (one of the load- messages, or a technical text in English).
home-load-failed = 내용을 표시할 수 없어요: { $reason }.
# Advice under the error above when the device is offline and the content was never downloaded.
home-load-advice-offline = 한 번만 인터넷에 연결해서 불러오세요. 그다음부터는 오프라인에서도 쓸 수 있어요.
# Advice under the error above in every other case.
home-load-advice-later = 나중에 다시 해 보세요. 학습 진도는 안전하게 남아 있어요.
# Accessible name of the "today" panel at the top of the first screen.
home-today = 오늘
# Button to the lesson the learner left unfinished; $lesson is the lesson's title.
home-continue-lesson = 이어서 하기: { $lesson }
# Button to the next lesson after the last one finished; $lesson is the lesson's title.
home-next-lesson = 다음 레슨: { $lesson }
# Streak line for a learner who has not done anything yet.
home-streak-first-lesson = 오늘 첫 레슨을 시작해 보세요.
# Streak line when the learner's streak of days has broken.
home-streak-start-new = 오늘 레슨을 하나 하고 새 연속 학습을 시작해 보세요.
# $days is how many days in a row (1 or more) the learner has studied.
home-streak-days = { $days }일 연속 학습
# Link to the review session when no card is due.
home-no-reviews-due = 복습할 카드가 없어요
# Link to the review session; $count (1 or more) is how many review cards are due.
home-reviews-due = 복습할 카드 { $count }장
# Accessible name of the progress bar of a course.
home-lessons-done = 완료한 레슨
# Progress in a course: $done lessons finished out of $total lessons in the course.
home-lessons-progress = 레슨 { $total }개 중 { $done }개 완료

## Progress: reading the learner's progress from the device

# $reason is why the device's storage failed (one of the storage- messages).
progress-storage-failed = 이 기기에서 학습 진도를 읽을 수 없어요: { $reason }
progress-fold-unavailable = 학습 진도를 계산하지 못했어요. 필요한 앱의 일부를 다운로드하지 못했어요. 인터넷에 연결한 뒤 이 페이지를 다시 열어 주세요. 지금까지 한 학습은 사라지지 않아요.

## Not found: an address that is no page of the app

notfound-title = 없는 페이지예요
notfound-back = 내 코스로 돌아가기
page-chunk-loading = 페이지를 여는 중…
page-chunk-failed = 이 페이지를 다운로드하지 못했어요. 연결을 확인하고 다시 시도해 주세요.
assignments-chunk-failed = 과제를 다운로드하지 못했어요. 연결을 확인하고 다시 시도해 주세요.
page-chunk-retry = 다시 시도
page-chunk-reload-hint = 온라인인데도 계속 이렇다면 다른 탭에서 앱이 업데이트되었을 수 있어요. 앱을 다시 불러와 주세요.
page-chunk-reload = 앱 다시 불러오기

## Account page ("Me")

account-title = 내 정보
account-intro = 계정이 없어도 공부할 수 있어요. 학습 진도는 이 기기에 저장돼요. 로그인하면 학교 서버에도 저장되고, 다른 기기에서도 볼 수 있어요.
account-history-link = 내 학습 기록: 보기, 파일로 저장하기, 가져오기
# Heading of the sync details on the "Me" page.
account-sync-heading = 동기화
# Summary of the list of answers the school's server refused for good; $count is how many.
account-rejected-summary = 서버가 받지 않은 답 { $count }개 (이 기기에 보관 중)
# One refused answer: $activity is the short technical name of the exercise, $reason why the server refused it.
account-rejected-entry = { $activity }: { $reason }
# Stands for $activity above when the refused answer names no exercise.
account-rejected-unknown-activity = 알 수 없는 활동
account-rejected-send-again = 다시 보내기
account-rejected-send-again-help = 서버가 이 답들을 받지 않은 원인을 학교에서 고친 뒤에 다시 보내세요. 서버에 다른 내용으로 이미 있는 답은 다시 보낼 수 없습니다.
account-rejected-sent-again = 답 { $count }개를 다시 보냅니다
# Why the server refused an answer; $message is the server's own explanation (in English).
account-rejected-invalid = 올바르지 않음: { $message }
account-rejected-conflict = 충돌: { $message }
account-rejected-too-large = 서버에 보내기에 너무 큼

## Account panel: signing in, creating an account, signing out

# Accessible name of the sign-in panel.
account-panel = 계정
account-username = 아이디
account-password = 비밀번호
# Label of the choice between learner and teacher when creating an account.
account-invitation = 교사 초대 코드
account-invitation-needed = 교사 계정을 만들려면 관리자에게 받은 초대 코드가 필요해요
account-sign-in = 로그인
account-create = 계정 만들기
# $username is the signed-in account's name, shown in bold; place it where your language needs it.
account-signed-in-as = 로그인한 계정: { $username }
account-sign-out = 로그아웃
# Errors of signing in, creating an account or signing out; shown under the form.
account-wrong-credentials = 아이디나 비밀번호가 맞지 않아요
account-username-taken = 이미 사용 중인 아이디예요
account-unreachable = 서버에 연결할 수 없어요. 온라인일 때 다시 해 보세요
# $status is the HTTP status code number the server answered with (for example 500).
account-server-error = 서버에 오류가 났어요(http { $status }). 나중에 다시 해 보세요
# The server refused without saying why; $status is the HTTP status code number (for example 403).
account-server-refused = 서버가 요청을 거절했어요(http { $status })
# $detail is a technical description of what could not be read (in English).
account-unreadable-answer = 서버가 이 앱이 읽을 수 없는 응답을 보냈어요: { $detail }
# $reason is why the device's storage failed (one of the storage- messages).
account-storage-failed = 로그인 정보를 이 기기에 저장할 수 없어요: { $reason }

account-actions-heading = 내 계정
account-change-password-heading = 비밀번호 바꾸기
account-current-password = 현재 비밀번호
account-new-password = 새 비밀번호
account-change-password = 비밀번호 바꾸기
account-password-changed = 비밀번호를 바꿨어요. 다른 기기에서는 모두 로그아웃됐어요.
account-sign-out-everywhere = 모든 기기에서 로그아웃
account-signed-out-everywhere = 이 기기를 포함한 모든 기기에서 로그아웃됐어요.
account-delete-heading = 계정 삭제
account-delete-explained = 계정을 삭제하면 학교 서버에서 계정과 지금까지 기록한 모든 답, 반 소속이 영구히 지워져요. 선생님의 보고서에도 더 이상 나오지 않아요. 선생님이 이미 파일로 저장한 보고서는 학교의 사본이라 바뀌지 않아요. 이 기기도 계정과 그 답을 잊어요.
account-delete-confirm-label = 되돌릴 수 없다는 것을 이해했어요
account-delete = 내 계정 삭제
account-deleted = 계정이 삭제됐어요.
account-wrong-current-password = 현재 비밀번호가 틀렸어요

## Sync details on the "Me" page

# Accessible name of the sync details.
sync-panel = 동기화
# What sync is doing now.
sync-activity-syncing = 동기화 중…
sync-activity-up-to-date = 최신 상태예요
sync-activity-waiting-to-retry = 곧 다시 시도할게요
sync-activity-offline = 오프라인: 학습 진도는 이 기기에 저장돼요
# The learner was signed in but the session ended (for example it expired).
sync-activity-sign-in-again = 동기화하려면 다시 로그인하세요
sync-activity-not-signed-in = 로그인하지 않음: 학습 진도는 이 기기에만 저장돼요
# Labels of the sync details, each followed by its value.
sync-waiting-label = 동기화 대기
sync-last-label = 마지막 동기화
# Value of "Last sync" when this device has never synced.
sync-last-never = 없음
sync-problem-label = 문제
# Value of "Problem" when there is none.
sync-problem-none = 없음
sync-rejected-label = 서버가 받지 않음
sync-now = 지금 동기화
# Values of "Problem": why the last sync attempt failed.
sync-problem-signed-out = 로그아웃됨
sync-problem-server-unreachable = 서버에 연결할 수 없음
# $status is the HTTP status code number the server answered with (for example 500).
sync-problem-server-error = 서버 오류 (http { $status })
# $detail is a technical description (in English).
sync-problem-unreadable-answer = 서버 응답을 읽을 수 없음: { $detail }
# $detail is the server's explanation (in English).
sync-problem-rejected = 거절됨: { $detail }
sync-problem-refused = 서버가 어떤 답인지 밝히지 않고 거절했습니다(http { $status }). 모든 답은 이 기기에 남아 있고 나중에 다시 보냅니다: { $detail }
# $detail is the browser's technical description (in English).
sync-problem-local-storage-failed = 기기 저장소 오류: { $detail }

## Load errors: why content (the course list, a course, a lesson) could not be loaded

load-unreachable = 서버에 연결할 수 없고, 아직 다운로드하지도 않았어요
# $status is the HTTP status code number (for example 404), $name the name of the file asked for.
load-status = { $name } 요청에 서버가 { $status } 응답을 보냈어요
# $course is the course's id as written in the address.
load-unknown-course = `{ $course }` 코스가 없어요
# $course is the course's id and $lesson the lesson's id, as written in the address.
load-unknown-lesson = `{ $course }` 코스에 `{ $lesson }` 레슨이 없어요
# A downloaded content file is broken. $kind says which file: the course list (catalog),
# a course's outline (manifest) or a lesson; $detail is a technical description (in English).
load-file-truncated = { $kind ->
        [catalog] 코스 목록
        [manifest] 코스 구성
       *[lesson] 레슨
    } 파일이 중간에 잘렸어요({ $detail })
# $kind as above; $line and $column are where in the file the error is; $detail is technical (in English).
load-file-malformed = { $kind ->
        [catalog] 코스 목록
        [manifest] 코스 구성
       *[lesson] 레슨
    } 파일의 { $line }행 { $column }열에 형식 오류가 있어요: { $detail }
load-file-unreadable = { $kind ->
        [catalog] 코스 목록
        [manifest] 코스 구성
       *[lesson] 레슨
    } 파일이 이 버전이 읽을 수 있는 형식이 아니에요: { $detail }
# $kind as above; $detail is technical (in English).
load-file-inconsistent = { $kind ->
        [catalog] 코스 목록
        [manifest] 코스 구성
       *[lesson] 레슨
    } 파일의 내용이 서로 맞지 않아요: { $detail }
# $kind as above; $found is the format number of the file, $expected the one this version of the app reads.
load-file-unsupported-format = { $kind ->
        [catalog] 코스 목록
        [manifest] 코스 구성
       *[lesson] 레슨
    } 파일의 팩 형식은 { $found }인데, 이 버전의 배움은 형식 { $expected }만 읽을 수 있어요
# $name is a file name.
load-not-hashed-name = `{ $name }`은(는) 콘텐츠 해시 파일 이름이 아니에요(소문자 16진수 64자, 점, 확장자 형식이어야 해요)
# $name is a file name, $actual a long hexadecimal checksum.
load-hash-mismatch = `{ $name }`의 내용이 파일 이름과 맞지 않아요. 실제 sha256 값: { $actual }

## Storage: why the device's storage failed

storage-indexeddb-unavailable = 이 브라우저에서는 여기서 IndexedDB를 쓸 수 없어요(시크릿 창이거나 오래된 브라우저일 수 있어요)
storage-quota-exceeded = 이 기기에 앱이 쓸 저장 공간이 남아 있지 않아요
storage-version-too-new = 저장된 데이터가 더 새로운 버전의 앱에서 만들어졌어요. 새로고침해서 업데이트하세요
# $detail is a technical description (in English).
storage-migration-failed = 저장된 데이터를 새 형식으로 바꿀 수 없어요: { $detail }
# $id is the answer's technical id.
storage-duplicate-statement = id가 { $id }인 기록이 이미 저장되어 있어요
# $detail is a technical description (in English).
storage-invalid-statement = 이 기록은 저장할 수 없어요: { $detail }
# $detail is a technical description (in English).
storage-serialization = 값을 저장할 형태로 바꿀 수 없어요: { $detail }
# $key is the record's key (in quotes), $store the technical name of where it is stored,
# $detail a technical description (in English).
storage-unreadable-record = { $store }의 { $key } 항목을 읽을 수 없어요: { $detail }
storage-aborted = 저장이 중간에 끊겨서 아무것도 저장되지 않았어요
# $name is the browser's technical name of the failure, $detail its technical description (in English).
storage-database-failed = 기기의 데이터베이스에 오류가 났어요({ $name }): { $detail }

## Lesson page: loading a lesson and telling whether the answers are saved on the device

# Link back from a lesson to the course it belongs to.
lesson-back-link = ← 코스로
lesson-loading = 레슨을 불러오는 중…
# Shown after the lesson while its answers are being written to the device's storage.
lesson-saving = 답을 이 기기에 저장하는 중…
lesson-saved = 이 기기에 저장했어요.
# $reason says why, in lowercase without a final full stop, e.g. "the device has no storage space left for this app" (some technical details stay in English).
lesson-save-failed = 일부 답을 이 기기에 저장하지 못했어요: { $reason }. 기기의 남은 공간을 확인하고 레슨을 다시 해 보세요.

## Lesson player: items, answers, feedback and the summary at the end

# Accessible name of the progress bar at the top of a lesson.
lesson-progress = 레슨 진행도
# Which item of the lesson is shown: $current is its number, $total the number of items in the lesson. English: "3 / 12".
lesson-position = { $current } / { $total }
# Small label above a note about Korean culture inside a lesson.
lesson-culture-note = 문화 노트
# Accessible names of the buttons that play Korean audio; $text is the Korean word or sentence played.
lesson-hear-letter-name = 글자 이름 듣기: { $text }
lesson-hear-it = 소리 듣기: { $text }
lesson-hear-word = 단어 듣기: { $text }
lesson-hear-example = 예문 듣기: { $text }
# Button of a listening exercise that plays the Korean to listen to; $text is the Korean played.
lesson-listen = 들어 보기: { $text }
lesson-show-hint = 힌트 보기
# Button to the next item after a wrong answer, without answering correctly first.
lesson-continue-anyway = 그냥 넘어가기
lesson-continue = 계속하기
# Hidden label of the field where the learner types an answer in Korean.
lesson-typed-answer-label = 한국어로 답 쓰기
# Button that checks the learner's answer.
lesson-check = 확인
# Accessible name of the line where the learner arranges Korean words into a sentence.
lesson-your-sentence = 내가 만든 문장
lesson-correct = 정답이에요!
# Shown when a typed answer is accepted but its spacing or punctuation differs; $expected is the exact Korean answer.
lesson-correct-written-exactly = 정답이에요. 정확한 표기: { $expected }
lesson-not-quite = 조금 달라요.
# $answer is the correct Korean answer, shown in bold; place it where your language needs it.
lesson-answer-is = 정답: { $answer }
lesson-try-again = 다시 해 보거나 넘어가세요.
# How a typed answer differs from the correct one, one line per difference.
# $expected is a Korean syllable (or character) of the correct answer, $given the one the learner typed.
lesson-diff-missing = 빠진 글자: { $expected }
lesson-diff-extra = 필요 없는 글자: { $given }
lesson-diff-wrong = { $given } 대신 { $expected }
# A letter (jamo) inside a syllable is wrong: $given is the syllable typed, $expected the correct syllable,
# $part which letter of the syllable (initial consonant, vowel or final consonant),
# $expected_jamo the correct letter, $given_jamo the letter typed.
lesson-diff-jamo-wrong = { $given } → { $expected }: { $part ->
        [initial] 첫 자음
        [medial] 모음
       *[final] 받침
    } { $given_jamo } 대신 { $expected_jamo }
# A letter (jamo) is missing from a syllable: $given is the syllable typed, $expected the correct syllable,
# $part which letter of the syllable, $expected_jamo the missing letter.
lesson-diff-jamo-missing = { $given } → { $expected }: 빠진 { $part ->
        [initial] 첫 자음
        [medial] 모음
       *[final] 받침
    } { $expected_jamo }
# A syllable has a letter (jamo) too many: $given is the syllable typed, $expected the correct syllable,
# $part which letter of the syllable, $given_jamo the extra letter.
lesson-diff-jamo-extra = { $given } → { $expected }: 필요 없는 { $part ->
        [initial] 첫 자음
        [medial] 모음
       *[final] 받침
    } { $given_jamo }
# A Vietnamese letter has the wrong tone mark: $given is the letter typed, $expected the correct letter,
# $expected_tone and $given_tone the Vietnamese names of the tones (ngang, sắc, huyền, hỏi, ngã, nặng; keep them as they are).
lesson-diff-tone = { $given } → { $expected }: 성조 부호가 틀렸어요. { $given_tone } 대신 { $expected_tone }
# A Vietnamese letter has the wrong letter mark (ă â ê ô ơ ư đ): $given is the letter typed, $expected the correct letter,
# $expected_letter the correct letter without tone, $given_letter the letter typed without tone.
lesson-diff-mark = { $given } → { $expected }: 글자가 틀렸어요. { $given_letter } 대신 { $expected_letter }
# Heading of the summary at the end of a lesson.
lesson-complete = 레슨 완료
# Score at the end of a lesson: $correct items answered right at the first try, out of $total exercises; $percent is the same as a whole percentage.
lesson-score = { $total }문제 중 { $correct }문제를 한 번에 맞혔어요({ $percent }%)
lesson-next-lesson = 다음 레슨
lesson-back-to-course = 코스로 돌아가기

## Korean keyboard: on-screen dubeolsik keys and typing Korean with Latin keys

# Button that shows or hides the on-screen Korean keyboard.
keyboard-toggle = 한글 키보드
# Accessible name of the group of on-screen Korean keys.
keyboard-keys-label = 한글 키보드 자판
# Accessible name of the Shift key; keep the Korean letters as they are.
keyboard-shift-label = Shift: 된소리 ㄲ ㄸ ㅃ ㅆ ㅉ, 그리고 ㅒ ㅖ
# Accessible name of the Backspace key, which removes one letter of the syllable being typed.
keyboard-backspace-label = 백스페이스: 글자 하나 지우기
# Accessible name of the space bar.
keyboard-space-label = 스페이스
# Text printed on the space bar (lowercase in English).
keyboard-space-key = 띄어쓰기
# Accessible name of the key that hides the on-screen keyboard.
keyboard-done-label = 완료: 한글 키보드 숨기기
keyboard-done = 완료
# Checkbox: the letter keys of a physical Latin (QWERTY) keyboard type the Korean letters at the same places. It is followed by the example "(gks → 한)".
keyboard-latin-to-hangul = 영문 자판으로 한글 입력

## Recording answers

# Reason shown in lesson-save-failed when the app's storage layer did not start.
recording-no-sync-layer = 동기화 기능이 실행되고 있지 않아요

## Reviews page: flash cards of what is due today

review-title = 복습
review-loading = 오늘 복습할 카드를 찾는 중…
review-nothing-due = 지금은 복습할 카드가 없어요. 내일 다시 오거나 새 레슨을 해 보세요.
# Shown as an error when the app's storage layer did not start.
review-no-sync-layer = 동기화 기능이 실행되고 있지 않아요
# Which card is shown: $current is its number, $total the number of cards today. English: "3 / 12".
review-position = { $current } / { $total }
# Heading when all of today's reviews are done.
review-done = 오늘 복습 끝!
# $count is the number of cards reviewed (the English text does not change with the number).
review-reviewed-count = 카드 { $count }장을 복습했어요.
# Link back to the home page.
review-home = 홈
# Label on a card the learner has never seen before.
review-new-card = 새 카드
review-show-answer = 정답 보기
# The learner rates a card: they remembered it.
review-knew-it = 알았어요
# The learner rates a card: they did not remember it yet.
review-not-yet = 아직 몰라요

## Course page: a course's units and lessons (src/pages/course.rs)

# Link back to the list of every course, at the top of a course's page.
course-all-courses = ← 전체 코스
course-loading = 코스를 불러오는 중…
# After a lesson's title in the course outline, e.g. "Vowels · 12 steps". $count is the number
# of steps (exercises) in the lesson. English always says "steps"; add plural variants if your
# language needs them.
course-lesson-steps = · { $count }단계

course-lesson-done = 완료
course-lesson-started = 진행 중: { $total }단계 중 { $seen }단계
course-lesson-new = 새 레슨
course-unit-progress = 레슨 { $total }개 중 { $done }개 완료

course-enrolment-application = 이 사이트에서는 신청해서 듣는 코스예요. 레슨은 지금 배울 수 있고, 수료증은 신청이 승인되면 받을 수 있어요.
course-enrolment-assignment = 이 사이트에서는 선생님 반에서 듣는 코스예요. 레슨은 지금 배울 수 있고, 수료증은 반에 이 코스가 과제로 나오면 받을 수 있어요.

## Course downloads: the download panel on a course's page, the units' download lines, and the
## list of downloaded courses on the "This device" page (src/downloads.rs)

# Why a download stopped, shown after "Download stopped:" (see download-status-stopped), so it
# starts with a small letter and has no final full stop.
download-error-connection = 연결이 끊겼어요. 이미 받은 부분은 남아 있으니 온라인일 때 이어서 받으세요
# Why a download stopped. $name is the file's technical name (a long hash), $attempts the number
# of tries made (3).
download-error-damaged = { $name } 파일이 계속 손상된 채로 도착했어요({ $attempts }번 시도). 나중에 다시 해 보세요
# Why a download stopped. $status is the HTTP status number the server answered (e.g. 404),
# $name the file's technical name (a long hash).
download-error-status = { $name } 요청에 서버가 { $status } 응답을 보냈어요
# Why a download stopped: the device's storage is full. "the Device page" is the "This device"
# page of the app (settings-title).
download-error-device-full = 기기 저장 공간이 가득 찼어요. 잃어버린 건 없어요. 다 끝낸 코스의 다운로드를 삭제하거나(기기 페이지에 목록이 있어요) 기기의 공간을 확보한 다음 이어서 받으세요
# Why a download stopped. $reason says what went wrong storing it (one of the storage-…
# messages, starting with a small letter).
download-error-storage = 다운로드한 내용을 저장할 수 없어요: { $reason }
# Why the download panel stopped: deleting the downloads failed. $reason says what went wrong
# (one of the storage-… messages, starting with a small letter).
download-error-delete = 다운로드를 삭제할 수 없어요: { $reason }
# Label of the download's progress bar, for screen readers.
download-progress-label = 다운로드 진행도
# Shown when the browser's data saver is on.
download-save-data-note = 브라우저가 데이터 절약 모드예요. 텍스트만 다운로드하면 용량이 더 작아요.
# Button. $size is the size of the whole course, e.g. "12.5 MB".
download-start-all = 오프라인용으로 다운로드 ({ $size })
# Button, when part of the course is already on the device. $size is what is left, e.g. "3.1 MB".
download-start-rest = 나머지 다운로드 ({ $size })
# Button: download only the lessons' text, without the audio clips. $size is the size of the
# text, e.g. "240 KB".
download-start-text-only = 텍스트만 ({ $size }), 소리는 온라인일 때 재생
# Button, when the text is already downloaded. $size is the size of the missing audio.
download-start-audio-too = 소리도 다운로드 ({ $size })
download-resume = 다운로드 이어서 받기
# Button: pause the running download.
download-pause = 일시 정지
download-delete = 다운로드 삭제 (학습 진도는 남아요)
# Under a unit's title, once the unit is downloaded. $size is the unit's size, e.g. "1.2 MB".
download-unit-on-device = { $size } · 이 기기에 있음
# Under a unit's title, before it is downloaded. $size is the unit's size, e.g. "1.2 MB".
download-unit-to-download = 다운로드 { $size }
# Button under a unit's title.
download-unit-start = 이 단원 다운로드
# Why downloading the assignments stopped, shown after "Download stopped:"
# (classes-download-assigned-stopped), so it starts with a small letter.
download-assigned-paused = 다운로드를 일시 정지했어요
# Why downloading the assignments stopped, shown after "Download stopped:"
# (classes-download-assigned-stopped), so it starts with a small letter.
download-assigned-unavailable = 이 브라우저는 다운로드를 보관할 수 없어요(시크릿 창인가요?)
# Heading on the "This device" page.
download-list-title = 다운로드한 코스
download-list-loading = 다운로드 목록을 읽는 중…
# $reason says what went wrong (one of the storage-… messages, starting with a small letter).
download-list-error = 다운로드 목록을 읽을 수 없어요: { $reason }.
download-list-empty = 다운로드한 코스가 없어요. 코스 페이지에서 오프라인용으로 다운로드할 수 있어요.
# One downloaded course in the list. $title is the course's title, $size the space its
# downloads take, e.g. "Hangul: 12.5 MB".
download-list-entry = { $title }: { $size }
# Button next to a downloaded course.
download-list-delete = 다운로드 삭제
download-list-note = 다운로드를 삭제해도 학습 진도는 남아요. 코스는 다시 온라인에서만 열 수 있어요.
# Status line of the download panel.
download-status-checking = 이 기기에 무엇이 있는지 확인하는 중…
# Status line. $total is the size of the whole course with its audio, e.g. "12.5 MB".
download-status-not-downloaded = 다운로드하지 않았어요. 소리를 포함한 전체 코스 크기: { $total }.
# Status line. $stored is the size already on the device, $total the whole course's, e.g.
# "Partly downloaded: 3.1 MB of 12.5 MB."
download-status-partly = 일부만 다운로드함: { $stored } / { $total }. 이어서 받으면 나머지를 받을 수 있어요.
# Status line. $text is the size of the downloaded text, $audio the size of the audio that is not
# downloaded.
download-status-text-only = 텍스트 다운로드 완료: 이 기기에 { $text }. 소리({ $audio })는 온라인일 때만 재생돼요.
# Status line while downloading, before the time left is known. $done and $total are sizes, e.g.
# "Downloading: 3.1 MB of 12.5 MB".
download-status-downloading = 다운로드 중: { $done } / { $total }
# Status line while downloading, with the estimated time left. $done and $total are sizes, e.g.
# "3.1 MB" and "12.5 MB".
download-status-few-seconds-left = 다운로드 중: { $done } / { $total }, 몇 초 남음
# Status line while downloading, with the estimated time left. $done and $total are sizes,
# $seconds a number of seconds (6 to 89); "s" is the abbreviation of seconds.
download-status-seconds-left = 다운로드 중: { $done } / { $total }, 약 { $seconds }초 남음
# Status line while downloading, with the estimated time left. $done and $total are sizes,
# $minutes a number of minutes (2 to 90); "min" is the abbreviation of minutes.
download-status-minutes-left = 다운로드 중: { $done } / { $total }, 약 { $minutes }분 남음
# Status line while downloading, with the estimated time left. $done and $total are sizes,
# $hours a number of hours (2 or more); "h" is the abbreviation of hours.
download-status-hours-left = 다운로드 중: { $done } / { $total }, 약 { $hours }시간 남음
# Status line. $done and $total are sizes, e.g. "Paused: 3.1 MB of 12.5 MB downloaded."
download-status-paused = 일시 정지됨: { $done } / { $total } 다운로드함.
# Status line. $reason says why, in one of the download-error-… messages.
download-status-stopped = 다운로드가 멈췄어요: { $reason }.
# Status line. $total is the size of the downloaded course, e.g. "12.5 MB".
download-status-complete = 다운로드 완료: 이 기기에 { $total } 저장됨. 오프라인에서도 쓸 수 있어요.
download-status-unavailable = 이 브라우저는 다운로드를 보관할 수 없어요(시크릿 창인가요?). 온라인일 때는 레슨을 그대로 열 수 있어요.

## "This device" page: languages, storage, connection (src/pages/settings.rs)

# Title of the page about what the app keeps on this device (phone or computer).
settings-title = 이 기기
# Heading of the part of the page about the interface language.
settings-interface-language-title = 언어
# Label before the list of interface languages; each language is listed by its own name.
# "baeum" is the app's name.
settings-interface-language-label = 배움 화면 언어
# Heading of the part of the page about the language word meanings, hints and help texts are
# shown in (the learner's own language; the language learned is Korean).
settings-help-language-title = 도움말 언어
# Label before the list of help languages; each language is listed by its own name.
settings-help-language-label = 뜻과 도움말 언어
# Heading of the part of the page about storage space.
settings-storage-title = 저장 공간
settings-storage-measuring = 저장 공간을 확인하는 중…
settings-storage-unreported = 이 브라우저는 저장 공간 정보를 알려 주지 않아요.
# $used and $quota are sizes, e.g. "3.1 MB used of 1.2 GB available to baeum." "baeum" is the
# app's name.
settings-storage-use = 배움이 쓸 수 있는 { $quota } 중 { $used } 사용 중이에요.
# Label of the storage gauge, for screen readers.
settings-storage-meter-label = 사용한 저장 공간
settings-persistence-checking = 다운로드가 보호되는지 확인하는 중…
settings-persistence-protected = 다운로드와 학습 진도가 보호되고 있어요. 브라우저가 공간을 확보하려고 지우지 않아요.
settings-persistence-not-protected = 기기 공간이 부족하면 브라우저가 다운로드를 지울 수도 있어요. 내 답은 학교 서버에 전달될 때까지 보관돼요.
# Button: ask the browser never to delete the downloads to free space.
settings-protect-downloads = 내 다운로드 보호하기
# Heading of the part of the page about using the app without a connection.
settings-offline-title = 오프라인 사용
settings-whole-app-explain = 한 번 연 화면은 이 기기에 남아서 인터넷 없이도 다시 열려요.
settings-whole-app-checking = 이 기기에 무엇이 있는지 확인하는 중…
# Button: download every page of the app at once, for offline use. $size is how much it
# downloads, e.g. "312 KB".
settings-whole-app-keep = 앱 전체를 이 기기에 저장하기 ({ $size })
# Button, after keeping the whole app failed and its size is not known.
settings-whole-app-keep-again = 앱 전체 저장 다시 시도하기
settings-whole-app-keeping = 앱 전체를 다운로드하는 중…
settings-whole-app-kept = 앱 전체가 이 기기에 있어요. 모든 화면이 오프라인에서 열려요.
settings-whole-app-failed = 일부를 다운로드하지 못했어요. 인터넷에 연결한 뒤 다시 시도해 주세요.
settings-whole-app-unavailable = 이 브라우저는 이 주소의 앱을 오프라인용으로 저장할 수 없어요.
# Heading of the part of the page about the internet connection.
settings-connection-title = 연결
settings-connection-offline = 오프라인이에요. 다운로드한 건 모두 그대로 쓸 수 있고, 답은 이 기기에 보관돼요.
settings-connection-online = 온라인이에요.
# Heading of the part of the page about the app (its name and version).
settings-about-title = 앱 정보

## My learning history page (src/pages/history.rs)

history-no-storage = 학습 기록을 보려면 이 기기의 저장소가 필요한데, 지금은 쓸 수 없어요.
history-title = 내 학습 기록
# xAPI is the name of a standard for learning records; keep it as it is.
history-intro = 이건 나의 학습 기록이에요. 표준 xAPI 형식으로 저장되어서, 어떤 학습 기록 저장소(LRS)에서도 읽을 수 있어요.
# Button: save the whole learning history as a file.
history-export = 내 기록을 파일로 저장하기
# Button: read a history file saved earlier (on this or another device).
history-import = 기록 파일 가져오기
history-loading = 학습 기록을 읽는 중…
history-empty = 아직 기록이 없어요. 레슨을 하면 여기에 나타나요.
# One day of the history, after the date in bold, e.g.
# "2024-05-01: 3 lessons completed, 20 answers (17 right), 5 items read".
# $lessons, $answers, $right and $items are numbers; English does not vary the words with the
# number, add plural variants if your language needs them.
history-day-summary = : 레슨 { $lessons }개 완료, 답 { $answers }개(정답 { $right }개), 읽은 항목 { $items }개
# Why importing a history file failed; shown alone, starting with a small letter.
history-import-unreadable = 파일을 읽을 수 없어요
# Why importing a history file failed; shown alone, starting with a small letter. $error is a
# technical description of what is wrong in the file.
history-import-not-json = 학습 기록 파일이 아니에요(JSON이 아님: { $error })
# Why importing a history file failed; shown alone, starting with a small letter.
history-import-not-a-list = 학습 기록 파일이 아니에요. 기록 목록이어야 해요
# The result of importing a history file. Each argument is a number of records (statements):
# $added were imported, $already_here were on this device already, $not_yours are another
# learner's, $unreadable could not be read. English does not vary the words with the number;
# add plural variants if your language needs them.
history-import-result = { $added }개를 가져왔어요. { $already_here }개는 이미 있었고, { $not_yours }개는 다른 학생의 기록이고, { $unreadable }개는 읽을 수 없었어요.

## My classes page and the learner's assignments (src/teaching/learner.rs)

# Title of the page where a learner joins classes and sees them.
classes-title = 내 반
classes-loading = 불러오는 중…
classes-signed-out = 반에 들어가려면 로그인하세요. 선생님이 알려 준 코드만 있으면 되고, 이메일은 필요 없어요.
# Heading of the form where a learner types the code their teacher gave.
classes-join-title = 반 들어가기
# Label of the field for the class code.
classes-join-code-label = 선생님이 알려 준 반 코드
# Button of the form.
classes-join-button = 반 들어가기
classes-join-code-missing = 선생님이 알려 준 코드를 입력하세요.
# After joining a class. $class is the class's name, $teacher the teacher's username.
classes-joined = { $class }에 들어갔어요(선생님: { $teacher }).
classes-join-unknown-code = 이 코드로 된 반이 없어요. 선생님께 코드를 확인하고 다시 입력하세요.
# $reason is the server's explanation, in English.
classes-join-not-a-code = 반 코드가 아니에요: { $reason }.
# After too many wrong codes. $wait is how long to wait, in classes-wait-seconds or
# classes-wait-minutes, e.g. "45 seconds" or "9 minutes".
classes-join-rate-limited = 틀린 코드를 너무 많이 입력했어요. { $wait } 뒤에 다시 해 보세요.
# A wait, used in classes-join-rate-limited. $seconds is a number of seconds (under 120).
classes-wait-seconds = { $seconds }초
# A wait, used in classes-join-rate-limited. $minutes is a number of minutes (2 or more).
classes-wait-minutes = { $minutes }분
classes-join-offline = 오프라인이에요. 반에 들어가려면 인터넷 연결이 필요해요. 온라인일 때 다시 해 보세요.
classes-join-signed-out = 먼저 로그인한 다음 반 코드를 입력하세요.
# $reason is the server's explanation, in English.
classes-join-forbidden = 이 계정은 반에 들어갈 수 없어요: { $reason }.
# $reason is the server's explanation, in English.
classes-join-failed = 반에 들어가지 못했어요: { $reason }.
# Heading of the list of classes the learner is in.
classes-mine-title = 내가 속한 반
classes-none = 아직 속한 반이 없어요.
# After a class's name in the list, e.g. "Korean 1 · teacher kim". $teacher is the teacher's
# username.
classes-class-teacher = · 선생님 { $teacher }
# $time is the date and time the list was last fetched from the server.
classes-list-as-of = 반 목록 기준 시각: { $time }
# Shown to a teacher, around a link to the Teach page: "Your classes and their join codes are
# on the [Teach] page." This is the text before the link.
classes-for-teacher-before = 선생님의 반과 참여 코드는
# The link's text: the name of the Teach page in the menu.
classes-for-teacher-link = 수업 관리
# The text after the link (see classes-for-teacher-before).
classes-for-teacher-after = 페이지에 있어요.
# Heading of the learner's assignments (lessons their teacher assigned).
classes-my-assignments-title = 내 과제
# $time is the date and time the assignments were last fetched from the server.
classes-assignments-as-of = 기준 시각: { $time }
classes-assignments-loading = 과제를 불러오는 중…
classes-no-assignments = 아직 과제가 없어요. 선생님이 레슨을 과제로 내면 여기에 나타나요.
# Button: download every assigned lesson onto the device, to use without a connection.
classes-download-assigned = 내 과제를 오프라인용으로 다운로드
classes-download-assigned-finding = 과제에 필요한 것을 찾는 중…
# While the assignments download. $current is the number of the course or unit being
# downloaded, $total how many there are, e.g. "Downloading 2 of 5…".
classes-download-assigned-progress = 다운로드 중 ({ $current }/{ $total })…
classes-download-assigned-done = 과제 레슨이 이 기기에 있어요. 오프라인에서도 열 수 있어요.
# $reason says why, e.g. in download-assigned-paused or one of the download-error-… messages.
classes-download-assigned-stopped = 다운로드가 멈췄어요: { $reason }.
# On an assignment, before the teacher's username in bold: "Assigned by kim · class Korean 1".
classes-assignment-assigned-by = 과제를 낸 선생님:
# On an assignment, after the teacher's username. $class is the class's name.
classes-assignment-class = · 반: { $class }
# On an assignment, before its due date and time: "Due 5 May 2024, 18:00".
classes-assignment-due = 마감:
# On an assignment, after its due date, when the date has passed.
classes-assignment-overdue = · 기한 지남
# An assignment's progress. $status is its status in words (e.g. "In progress"), $done the
# number of its lessons done, $total the number of its lessons. English does not vary "lessons"
# with the number; add plural variants if your language needs them.
classes-assignment-progress = { $status } (레슨 { $total }개 중 { $done }개 완료)

## Teacher pages

# Navigation link to the teacher pages, shown to teachers.
teach-nav-teach = 수업 관리
# Navigation link to the learner's class list, shown to everyone who is not a teacher.
teach-nav-classes = 반

## Teacher pages: errors from the school server
## These are put into other sentences after a colon (for example "The class was not created: …"),
## so in English they start with a lower-case letter.

teach-error-signed-out = 이 기기에서 로그인하지 않았어요. 계속하려면 로그인하세요
teach-error-offline = 서버에 연결할 수 없어요. 온라인일 때 다시 해 보세요
# $reason is the server's explanation, in English, as the server wrote it.
teach-error-forbidden = 이 계정으로는 할 수 없는 작업이에요: { $reason }
# $seconds is how many seconds to wait. English always says "seconds"; other languages may
# select a plural form on $seconds.
teach-error-rate-limited = 시도가 너무 많아요. { $seconds }초 뒤에 다시 해 보세요
# $error is a technical description of the problem, in English.
teach-error-unprepared = 과제를 준비할 수 없어요: { $error }
# $error is a technical description of the problem, in English.
teach-error-unreadable-answer = 서버가 이 앱이 읽을 수 없는 응답을 보냈어요: { $error }
# $status is the HTTP status code, for example 500.
teach-error-refused = 서버가 요청을 거절했어요(http { $status })

## Teacher pages: where a learner stands with an assignment

teach-status-not-started = 시작 전
teach-status-in-progress = 진행 중
teach-status-done = 완료

## Teacher pages: dates and times

# A due date the teacher typed is missing. Put after "The due date is not usable: ".
teach-due-missing = 마감 날짜와 시간을 선택하세요
# A due date the teacher typed cannot be read. $input is what was typed, already in double
# quotes. Keep the example 2026-12-01T17:00 as it is. Put after "The due date is not usable: ".
teach-due-unreadable = { $input } 값은 2026-12-01T17:00 같은 날짜와 시간 형식이 아니에요
# Shown instead of a date and time when a learner has never been active
# (for example after "last active").
teach-time-never = 없음
# A time a page's data was fetched or computed. $time is a date and time, already formatted.
teach-as-of = 기준 시각: { $time }
# After an assignment's name: when it is due. $time is a date and time, already formatted.
teach-due = 마감 { $time }
# After a learner's name: when they last did something. $time is a date and time, already
# formatted, or the word for "never".
teach-last-active = 최근 활동 { $time }

## Teacher pages: names of courses, units and lessons

# A unit whose title is not known yet; $id is its identifier, for example "consonants".
teach-unit-by-id = 단원 { $id }
# A lesson whose title is not known yet; $id is its identifier, for example "consonants-1".
teach-lesson-by-id = 레슨 { $id }
# What an assignment covers: a whole unit of a course. $course and $unit are their titles.
teach-target-whole-unit = { $course } › { $unit } (단원 전체)
# What an assignment covers: a whole course. $course is its title.
teach-target-whole-course = { $course } (코스 전체)

## Teacher pages: who may see them

teach-loading = 불러오는 중…
teach-signed-out = 반을 만들고 레슨을 과제로 내려면 선생님 계정으로 로그인하세요.
# $link is replaced by a link whose text is teach-not-teacher-link ("My classes").
teach-not-teacher = 이 페이지는 선생님용이에요. 내 반과 과제는 { $link }에서 볼 수 있어요.
# The text of the link in teach-not-teacher: the learner's page of their classes.
teach-not-teacher-link = 내 반

## Teacher pages: the teacher's classes

teach-classes-title = 내 반
teach-new-class-name = 새 반 이름
teach-create-class = 반 만들기
teach-create-class-name-missing = 반 이름을 입력하세요.
# $error says why, in lower case (see the errors from the school server).
teach-create-class-failed = 반을 만들지 못했어요: { $error }
teach-no-classes = 아직 반이 없어요. 위에서 반을 만들어 보세요.
# How many learners are in a class. $count is the number.
teach-class-learner-count = 학생 { $count }명
# The caption above a class's join code, which learners type to join the class.
teach-join-code = 참여 코드

## Teacher pages: one class

# Link back to the list of the teacher's classes.
teach-back-to-classes = ← 내 반
teach-class-address-invalid = 이 주소에 해당하는 반이 없어요.
# The page title while the class's name is not loaded yet.
teach-class-title-fallback = 반
teach-class-settings = 반 설정
teach-class-name = 반 이름
# Button: give the class the name typed in the field.
teach-rename = 이름 바꾸기
teach-class-renamed = 반 이름을 바꿨어요.
# $error says why, in lower case (see the errors from the school server).
teach-rename-failed = 이름을 바꾸지 못했어요: { $error }
teach-rotate-join-code = 새 참여 코드 만들기
# Shown next to the button teach-rotate-join-code.
teach-rotate-join-code-hint = 이미 반에 있는 학생은 그대로 남고, 예전 코드는 더 이상 쓸 수 없어요.
teach-join-code-rotated = 반에 새 참여 코드가 생겼어요. 예전 코드는 더 이상 쓸 수 없어요.
# $error says why, in lower case (see the errors from the school server).
teach-rotate-failed = 새 코드를 만들지 못했어요: { $error }

## Teacher pages: the site of the address, for its staff

teach-site-link = 이 사이트 운영하기
teach-site-not-yours = 이 페이지는 이 주소의 사이트 교직원만 볼 수 있어요.
teach-site-role-teacher = 이 사이트에서 가르치고 있어요.
teach-site-role-admin = 이 사이트를 운영하고 있어요.
teach-site-role-platform-admin = 이 사이트를 포함한 플랫폼 전체를 운영하고 있어요.
teach-site-courses-title = 이 사이트의 강좌
teach-site-courses-all = 플랫폼의 모든 강좌 (앞으로 생길 강좌도 포함)
teach-site-courses-only = 아래에서 고른 강좌만
teach-site-courses-save = 강좌 저장하기
teach-site-courses-saved = 저장했어요. 학습자가 다음에 사이트를 열면 고른 강좌가 보여요.
teach-site-courses-none = 강좌를 하나 이상 고르거나 모든 강좌를 선택하세요.
teach-site-failed = 하지 못했어요: { $error }
teach-site-staff-title = 이 사이트의 선생님과 운영자
teach-site-staff-teacher = 선생님
teach-site-staff-admin = 운영자
teach-site-staff-role-label = { $name } 님의 역할
teach-site-staff-remove = 명단에서 빼기
teach-site-staff-saved = 저장했어요.
teach-site-staff-hint = 선생님은 초대 코드로 들어와요. 명단에서 빠져도 그 선생님의 학급은 그대로 남아요.
teach-site-featured-title = 첫 화면에 먼저 보일 강좌
teach-site-featured-hint = 이 사이트의 학습자는 첫 화면에서 이 강좌들을 이 순서대로 먼저 봐요. 하나도 고르지 않으면 강좌 목록의 앞쪽 강좌가 보여요.
teach-site-featured-up = 위로
teach-site-featured-up-label = { $course } 위로 올리기
teach-site-featured-remove = 빼기
teach-site-featured-remove-label = 첫 화면에서 { $course } 빼기
teach-site-featured-choose = 이 사이트의 강좌
teach-site-featured-add = 첫 화면에 넣기
teach-site-featured-saved = 저장했어요.
teach-site-invite-title = 선생님 초대하기
teach-site-invite-hint = 한 번만 쓸 수 있는 코드예요. 새 선생님이 이 사이트 주소의 교사용 앱에서 계정을 만들 때 입력해요.
teach-site-invite = 초대 코드 만들기
teach-site-invitation-until = { $time }까지 쓸 수 있어요
teach-site-report-title = 이 사이트의 학습 현황
teach-site-report-hint = 강좌별, 월별 현황이에요. 학생이 { $smallest }명보다 적은 숫자는 어떤 학생인지 알 수 없도록 보여 주지 않아요.
teach-site-report-empty = 아직 이 사이트에 기록된 학습이 없어요.
teach-site-column-course = 강좌
teach-site-column-month = 월
teach-site-column-active = 학습한 학생
teach-site-column-lessons = 마친 수업
teach-site-column-courses = 마친 강좌
teach-site-report-download = 현황 내려받기 (CSV)
teach-site-suppressed = { $smallest }명 미만
teach-site-certificates-title = 수료증
teach-site-certificates-hint = 이 사이트가 발급한 수료증이에요. 최근에 발급한 것부터 보여요. 잘못 발급한 수료증은 취소할 수 있어요. 취소한 수료증을 확인하면 취소됐다고 나오고, 그 학습자는 수료증을 다시 신청할 수 있어요.
teach-site-certificates-none = 이 사이트가 아직 발급한 수료증이 없어요.
teach-site-certificate-course = 강좌
teach-site-certificate-name = 수료증에 적힌 이름
teach-site-certificate-issued = 발급일
teach-site-certificate-state = 상태
teach-site-certificate-revoked = { $time }에 취소됐어요
teach-site-certificate-revoke = 취소하기
teach-site-certificate-revoke-confirm = { $name } 님의 { $course } 수료증을 취소할까요? 되돌릴 수 없어요.

## Teacher pages: a class taught with another school

teach-joint-title = 다른 학교와 함께 가르치기
teach-joint-schools = 학교: { $names }
teach-joint-teachers = 선생님
teach-joint-owner = 이 반을 만든 선생님
teach-joint-hint = 다른 학교 선생님과 이 반을 함께 가르치려면 이 선생님 코드를 알려 주세요. 그 선생님이 자기 학교 주소의 배움에서 코드를 입력하면, 그 학교 학생들은 그곳에서 이 반의 참여 코드로 들어올 수 있어요.
teach-joint-code = 선생님 코드
teach-joint-make-code = 선생님 코드 만들기
teach-joint-withdraw-code = 이 코드 그만 쓰기
teach-joint-remove = { $name } 선생님을 이 반에서 빼기
teach-joint-leave = 이 반에서 나가기
teach-joint-failed = 바꾸지 못했어요: { $error }
teach-joint-take-up-title = 다른 학교의 반 함께 가르치기
teach-joint-take-up-code = 그 반 선생님에게 받은 선생님 코드
teach-joint-take-up = 이 반 가르치기
teach-joint-take-up-failed = 반을 맡지 못했어요: { $error }
teach-joint-filter = 보여 줄 학생
teach-joint-filter-all = 모든 학교

## Teacher pages: the learners in a class

teach-members-title = 학생
teach-no-members = 아직 학생이 없어요. 학생들은 위의 코드로 들어올 수 있어요.
# Button next to a learner's name: take them out of the class.
teach-remove = 내보내기
# Screen reader label of the button teach-remove. $name is the learner's user name.
teach-remove-member-label = { $name } 학생 내보내기
# Screen reader label of the group that asks before removing a learner.
teach-confirm-removal = 내보내기 확인
# Asked before removing a learner from the class. $name is the learner's user name.
teach-remove-question = { $name } 학생을 이 반에서 내보낼까요? 이 반의 과제를 더 이상 볼 수 없게 돼요.
teach-remove-yes = 네, 내보낼게요
# Button: do not remove the learner after all.
teach-remove-keep = 그대로 두기
# $name is the learner's user name; $error says why, in lower case.
teach-remove-failed = { $name } 학생을 내보내지 못했어요: { $error }

## Teacher pages: assigning lessons

teach-assign-title = 레슨 과제 내기
teach-assign-course = 코스
teach-assign-choose-course = 코스를 선택하세요
# $error is a technical description of the problem, in English.
teach-assign-catalog-failed = 코스 목록을 불러올 수 없어요: { $error }.
teach-assign-unit = 단원 (선택)
# Choice in the unit list: assign every unit of the course.
teach-assign-whole-course = 코스 전체
teach-assign-lesson = 레슨 (선택)
# Choice in the lesson list: assign every lesson of the unit.
teach-assign-whole-unit = 단원 전체
teach-assign-due = 마감 (현지 시각)
teach-assign-note = 학생에게 남길 메모 (선택)
# Heading of the choice of who the assignment is for.
teach-assign-for = 대상
teach-assign-whole-class = 반 전체
teach-assign-chosen-learners = 선택한 학생
# Button that creates the assignment.
teach-assign = 과제 내기
teach-assign-course-missing = 과제로 낼 코스를 선택하세요.
# $problem says what is wrong with the typed due date, in lower case.
teach-assign-due-unusable = 마감 시각을 쓸 수 없어요: { $problem }.
teach-assign-learners-missing = 학생을 한 명 이상 선택하거나 반 전체에 과제를 내세요.
teach-assigned = 과제를 냈어요.
teach-assigned-offline = 이 기기에 저장했어요. 다시 온라인이 되면 보내져요.
# $error is a technical description of the problem, in English.
teach-assign-save-failed = 과제를 이 기기에 저장할 수 없어요: { $error }

## Teacher pages: the list of a class's assignments

teach-assignments-title = 과제
# An assignment created on this device that has not reached the server yet.
teach-queue-waiting = 전송 대기 중
# The server refused an assignment for good. $reason says why, in lower case.
teach-queue-refused = 서버가 받지 않았어요: { $reason }
# Button: hide a refused assignment.
teach-queue-dismiss = 닫기
# Who an assignment is for: every learner of the class.
teach-audience-whole-class = 반 전체
# Who an assignment is for: some chosen learners. $count is how many.
teach-audience-learners = 학생 { $count }명
# The teacher's note on an assignment, in quotation marks. $note is the note.
teach-quoted-note = “{ $note }”

## Teacher pages: the progress dashboard

teach-dashboard-title = 학습 현황
teach-dashboard-loading = 학습 현황을 불러오는 중…
teach-dashboard-offline = 이 기기에 저장된 내용이에요. 새로고침하지 못했어요.
teach-dashboard-learners = 학생
teach-most-missed-title = 가장 많이 틀린 문항
teach-no-missed-items = 아직 틀린 문항이 없어요.
# How often the class got an item wrong. $wrong is the wrong answers, $attempts all answers,
# $learners how many learners got it wrong. English keeps "learner(s)" for any number; other
# languages may select plural forms on the numbers.
teach-missed-by-class = { $attempts }번 중 { $wrong }번 틀림, 학생 { $learners }명
teach-column-learner = 학생
teach-column-lesson = 레슨
teach-column-status = 상태
teach-column-lessons = 레슨
teach-column-score = 점수
# Column of when a learner last did something.
teach-column-last-active = 최근 활동
# A learner is late with an assignment.
teach-overdue = 기한 지남
# Lessons done out of all lessons of an assignment. $done and $total are numbers.
teach-lessons-done-of = { $total }개 중 { $done }개
# A score as a percentage. $percent is a whole number, already formatted, for example 83.
teach-score-percent = { $percent }%
teach-csv-download = CSV 다운로드
teach-csv-refused-by-browser = 브라우저가 다운로드를 허용하지 않았어요.
# $error says why, in lower case (see the errors from the school server).
teach-csv-failed = CSV를 만들지 못했어요: { $error }

## Teacher pages: one learner

# Link back to the class page.
teach-back-to-class = ← 반으로 돌아가기
# The page title while the learner's name is not loaded yet.
teach-learner-title-fallback = 학생
# $time is when the data was computed; $last_active when the learner last did something, or
# the word for "never". Both are already formatted.
teach-drill-down-as-of = 기준 시각: { $time } · 최근 활동 { $last_active }
# When an assignment is due. $time is a date and time, already formatted.
teach-drill-down-due = 마감 { $time }
teach-items-missed-title = 틀린 문항
teach-nothing-missed = 아직 틀린 문항이 없어요.
# How often this learner got an item wrong. $wrong is the wrong answers, $attempts all answers.
teach-missed-by-learner = { $attempts }번 중 { $wrong }번 틀림

## Wellbeing: the check-in on home and where to get help

nav-help = 도움
check-in-title = 오늘 기분이 어때요?
check-in-face-1 = 아주 슬퍼요
check-in-face-2 = 조금 슬퍼요
check-in-face-3 = 보통이에요
check-in-face-4 = 좋아요
check-in-face-5 = 아주 좋아요
check-in-words = 하고 싶은 말이 있으면 써도 돼요 (어떤 언어든 괜찮아요)
check-in-talk = 누군가와 이야기하고 싶어요
check-in-share = 누가 볼 수 있나요?
check-in-share-nobody = 나만
check-in-share-teacher = { $teacher } 선생님 ({ $class })
check-in-privacy = 선생님을 고르지 않으면 내 답은 나만 볼 수 있어요. 성적에는 절대 들어가지 않아요.
check-in-save = 저장하기
check-in-skip = 오늘은 안 할래요
check-in-thanks = 답해 줘서 고마워요.
check-in-talk-private = 이 답은 나만 볼 수 있어서, 내가 이야기하고 싶어 한다는 걸 아는 선생님은 없어요. 다음에는 선생님을 고를 수 있어요. 믿을 수 있는 어른에게 말하거나, 도움 페이지에 있는 상담 전화를 이용해도 돼요.
check-in-talk-shared = 선생님이 다음에 배움을 열 때 이 답을 보게 돼요. 지금 바로 도움이 필요하면, 도움 페이지에 전화할 수 있는 곳이 있어요.
check-in-skipped = 괜찮아요. 내일 또 만나요.
check-in-low = 그런 기분이 들어도 괜찮아요. 혼자가 아니에요. 도와주고 싶은 사람들이 있어요.
check-in-not-saved = 답을 저장하지 못했어요: { $reason }
help-title = 도움을 받을 수 있는 곳
help-intro = 힘든 일이 있을 때 도움을 청하는 건 용기 있는 일이에요. 큰일인지 확실하지 않아도 되고, 한국어를 잘하지 못해도 괜찮아요.
help-trusted-adult = 선생님, 부모님, 또는 믿을 수 있는 다른 어른에게 언제든 이야기할 수 있어요. 이곳에서도 이야기를 들어 줘요:
help-country = 지금 어디에 있어요?
help-call = { $number }에 전화하기
help-loading = 도움을 받을 수 있는 곳을 찾고 있어요…
help-lines-unavailable = 인터넷에 연결되어 있지 않아서 상담 전화 목록을 보여 줄 수 없어요. 선생님이나 믿을 수 있는 다른 어른에게 이야기하거나, 인터넷에 연결되면 이 페이지를 다시 열어 봐요.
settings-check-in-title = 오늘 기분이 어때요?
settings-check-in-enabled = 첫 화면에서 "오늘 기분이 어때요?"라고 물어보기 (하루에 한 번까지)
settings-check-in-shared-title = 내 답을 보는 선생님
settings-check-in-shared-none = 아직 선생님과 나눈 답이 없어요.
settings-check-in-shared-intro = 이 선생님들은 내가 보여 주기로 한 답을 볼 수 있어요. 언제든지 거둘 수 있어요.
settings-check-in-shared-count = 답 { $count }개
settings-check-in-shared-left-class = 지금은 다니지 않는 반
settings-check-in-shared-stop = 그만 보여 주기
settings-check-in-shared-stopped = 됐어요. 이제 그 선생님은 그 답들을 볼 수 없어요.
settings-check-in-shared-not-stopped = 보여 주기를 멈추지 못했어요: { $reason }
settings-check-in-shared-unreadable = 나눈 답을 보여 줄 수 없어요: { $reason }
history-export-check-ins = 기분 기록("오늘 기분이 어때요?")도 파일에 넣기

## Wellbeing in the teachers' app

teach-wellbeing-title = 학생들의 마음은 어때요?
teach-wellbeing-intro = 기분 기록을 선생님과 나누기로 한 학생만 여기에 보여요.
teach-wellbeing-none = 이 반에서 기분 기록을 선생님과 나눈 학생이 아직 없어요.
teach-wellbeing-trend-better = 요즘 나아지고 있어요
teach-wellbeing-trend-steady = 요즘 비슷해요
teach-wellbeing-trend-lower = 요즘 전보다 기분이 안 좋아요
teach-wellbeing-recent = 최근 기분 기록
teach-wellbeing-mood = 5단계 중 { $mood }단계
teach-wellbeing-request = 이야기하고 싶어 해요 ({ $time })
teach-wellbeing-mark-seen = 확인했다고 표시하기
teach-wellbeing-request-seen = 이야기하고 싶다고 했어요 ({ $asked }) · { $seen }에 확인했어요
teach-wellbeing-no-open-requests = 이야기를 기다리는 학생이 없어요.
teach-wellbeing-open-requests = { $count ->
       *[other] 이야기하고 싶다는 요청이 { $count }건 있어요.
    }

## The catalogue: every course of the site, searched page by page

catalog-title = 모든 코스
catalog-search-label = 제목에 있는 낱말
catalog-subject-label = 과목
catalog-level-label = 수준
catalog-language-label = 도움말 언어
catalog-any = 전체
catalog-subject-korean = 한국어
catalog-subject-vietnamese = 베트남어
catalog-subject-math = 수학
catalog-subject-science = 과학
catalog-subject-social = 사회
catalog-subject-other = 기타
catalog-level-beginner = 입문
catalog-level-elementary = 초급
catalog-level-intermediate = 중급
catalog-search = 찾기
catalog-total = 코스 { $count }개
catalog-none = 맞는 코스가 없어요.
catalog-offline = 오프라인: 이 기기에서 본 코스 { $count }개 안에서 찾고 있어요.
catalog-lessons = 수업 { $lessons }개, { $size }
catalog-pages = 결과 페이지
catalog-page = { $pages }쪽 중 { $page }쪽
catalog-previous = 이전
catalog-next = 다음

## Certificates: the learner's certificates and checking one (src/pages/certificates.rs, src/pages/verify.rs)

certificates-title = 내 수료증
certificates-intro = 수료증은 한 사이트에서 코스를 다 마쳤다는 증명이에요. 수료증은 이 기기에 저장되어 있어서, 인터넷에 연결하지 않아도 보여 주거나 인쇄하거나 QR 코드로 건넬 수 있어요.
certificates-none = 아직 수료증이 없어요.
certificates-as-of = 기준 시각: { $time } (이 기기가 마지막으로 서버에 연결된 시각)
# The kind of document, shown under its Korean name 수료증.
certificates-kind = 수료증
certificates-issuer = 발급한 곳
certificates-date = 날짜
certificates-hours = 학습 시간
certificates-hours-value = { $hours }시간
certificates-id = 번호
certificates-revoked = { $date }에 사이트가 이 수료증을 취소했어요.
certificates-qr-label = QR 코드: 스캔하면 이 수료증을 확인할 수 있어요
certificates-code = 텍스트로 된 수료증
certificates-print = 인쇄하기
certificates-save = 파일로 저장하기
certificates-save-all = 내 수료증을 모두 한 파일로 저장하기
certificates-request-title = 수료증 받기
certificates-request-intro = 이 사이트에서 코스를 다 마쳤으면 수료증을 신청하세요. 서버가 지금까지 받은 내 답을 확인해요.
certificates-course = 코스
certificates-name = 수료증에 인쇄될 내 이름
certificates-request = 수료증 신청하기
certificates-issued = 수료증이 준비됐어요.
# $done and $total count the lessons of the course that count toward its certificate.
certificates-not-yet = 아직 다 마치지 않았어요. 레슨 { $total }개 중 { $done }개가 인정됐어요.
certificates-missing-lesson = { $lesson }: 아직 마치지 않았어요
# $best is the learner's best score in percent.
certificates-low-score = { $lesson }: 최고 점수 { $best }%, 더 높은 점수로 다시 마쳐 보세요
certificates-not-offered = 이 사이트에서는 그 코스의 수료증을 주지 않아요.
certificates-sign-in = 수료증을 받으려면 로그인하세요.
certificates-verify-link = 수료증 확인하기
certificates-verify-title = 수료증 확인하기
certificates-verify-intro = 수료증 텍스트를 붙여 넣거나 수료증 파일을 열어 주세요. 이 기기에 사이트들의 서명 키가 있으면 인터넷에 연결하지 않아도 확인할 수 있어요.
certificates-verify-text = 수료증 텍스트
certificates-verify-file = 수료증 파일 열기
certificates-verify = 확인하기
certificates-valid = 진짜 수료증이에요
certificates-valid-detail = { $site }에서 증명해요: { $name } 님이 { $date }에 { $course } 코스를 마쳤어요({ $hours }시간).
certificates-refused = 인정되지 않아요
certificates-claims = 수료증에 적힌 내용: { $name }, { $course }, { $site }, { $date }.
certificates-refusal-unreadable = 수료증이 아니거나, 망가졌거나, 일부가 잘렸어요.
certificates-refusal-unknown-key = 이 기기가 아는 한, 이 플랫폼의 어느 사이트도 이 수료증에 서명하지 않았어요. 한 번 인터넷에 연결해서 최신 서명 키를 받은 다음 다시 확인해 보세요.
certificates-refusal-other-site = 수료증에 적힌 사이트가 아니라 다른 사이트의 키로 서명됐어요.
certificates-refusal-retired = 이 수료증의 날짜는 서명한 키가 바뀐 뒤예요.
certificates-refusal-tampered = 서명한 뒤에 내용 일부가 바뀌었어요.
certificates-refusal-revoked = { $date }에 사이트가 이 수료증을 취소했어요.
certificates-checked-as-of = { $time } 기준의 사이트 서명 키와 취소된 수료증 목록으로 확인했어요.
certificates-no-keys = 이 기기에 아직 사이트들의 서명 키가 없어요. 한 번 인터넷에 연결한 뒤 이 페이지를 다시 열어 주세요.
certificates-not-enrolled = 이 사이트에서 이 코스는 신청하거나 선생님 반을 통해 듣는 코스인데, 아직 수강이 확정되지 않았어요. 위의 '수강 신청'을 보세요.
certificates-applications-title = 수강 신청
certificates-applications-intro = 이 사이트의 어떤 코스는 신청해야 들을 수 있어요. 여기서 신청하면 사이트가 결정을 알려 줘요. 기다리는 동안에도 레슨은 공부할 수 있어요.
certificates-applications-places = (정원 { $places }명)
certificates-applications-apply = 신청하기
certificates-applications-by-assignment = 이 사이트의 선생님 반을 통해 듣는 코스예요.
certificates-applications-queued = 아직 보내지 않았어요. 이 기기가 인터넷에 연결되면 보내요.
certificates-applications-refused = 받아들여지지 않았어요: { $reason }
certificates-applications-mine = 내 신청
certificates-applications-none = 아직 신청한 코스가 없어요.
certificates-applications-applied = { $date } 신청
certificates-applications-pending = 사이트의 결정을 기다리는 중
certificates-applications-waiting = 대기 중: { $place }번째
certificates-applications-approved = 승인됨
certificates-applications-declined = 거절됨: { $reason }
certificates-applications-withdrawn = 신청 취소함
certificates-applications-withdraw = 신청 취소
teach-site-enrolment-title = 수강 신청
teach-site-enrolment-hint = 학습자가 이곳의 각 코스를 듣는 방법이에요. 공개(누구나 바로 시작), 신청(승인하거나 거절), 선생님 반의 과제로 듣기 중에서 고르세요. 수료증은 수강이 확정된 학습자에게만 발급돼요. 레슨은 누구나 볼 수 있어요.
teach-site-enrolment-course = 코스
teach-site-enrolment-mode = 수강 방법
teach-site-enrolment-open = 공개
teach-site-enrolment-application = 신청
teach-site-enrolment-assignment = 선생님 반을 통해
teach-site-enrolment-capacity = 정원 (비워 두면 제한 없음)
teach-site-enrolment-places = (정원 { $places }명)
teach-site-enrolment-save = 저장
teach-site-enrolment-saved = 저장했어요.
teach-site-applications-title = 신청 목록
teach-site-applications-none = 아직 신청이 없어요.
teach-site-applications-approve = 승인
teach-site-applications-decline = 거절
teach-site-applications-reason = 거절 이유 (학습자가 읽어요)
certificates-progress-title = 수료 현황
certificates-progress-line = { $course }: 레슨 { $total }개 중 { $done }개 인정
certificates-verify-scan = 카메라로 스캔
certificates-verify-scan-stop = 카메라 끄기
certificates-verify-scan-problem = 카메라를 열 수 없어요. 이 페이지가 카메라를 쓰도록 허용하거나, 수료증 텍스트를 붙여 넣으세요.
