# baeum's interface in Chinese (Simplified), for Chinese-background children and their parents.
# Message ids are the same as in English (locales/en.ftl); only the values are translated.
# Terms used throughout: 课程 (course), 单元 (unit), 课 (lesson), 复习 (review), 下载 (download),
# 同步 (sync), 设备 (device), 班级 (class), 作业 (assignment), 老师 (teacher), 学生 (learner),
# 服务器 (server), 离线 (offline), 在线 (online), 账号 (account), 答案 (an answer the learner gave),
# 题 (an item of a lesson). The learner is 你. "baeum" is the app's name and stays in Latin letters.
# Punctuation is full-width (，。：；（）) around Chinese text.

## Navigation: the main menu in the header

nav-main = 主菜单
nav-courses = 课程
nav-me = 我的
nav-device = 设备

## Shell: the header, the connection indicator, the update banner and the sync status

shell-skip-to-content = 跳到正文
shell-brand-home = 首页
shell-online = 在线
shell-offline = 离线
shell-update-ready = baeum 有新版本了。
shell-update-now = 马上更新
shell-synced = 已同步
shell-saved-on-device = 已保存在这台设备上
shell-waiting-to-sync = { $count } 个答案等待同步
shell-waiting-on-device = { $count } 个答案保存在这台设备上

## Home: today's standing and the list of courses

home-courses-title = 课程
home-loading-courses = 正在加载课程…
home-catalog-link = 搜索全部课程
home-course-meta = { $units } 个单元 · { $lessons } 节课 · 下载大小 { $size }
home-load-failed = 无法显示：{ $reason }。
home-load-advice-offline = 请先连一次网络把它加载下来，之后离线也能用。
home-load-advice-later = 请稍后再试。你的学习进度不会丢失。
home-today = 今天
home-continue-lesson = 继续学习：{ $lesson }
home-next-lesson = 下一课：{ $lesson }
home-streak-first-lesson = 今天就开始你的第一课吧。
home-streak-start-new = 今天学一课，重新开始连续学习。
home-streak-days = 已连续学习 { $days } 天
home-no-reviews-due = 现在没有要复习的
home-reviews-due = { $count } 张卡片要复习
home-lessons-done = 已完成的课
home-lessons-progress = 已学完 { $done } / { $total } 节课

## Progress: reading the learner's progress from the device

progress-storage-failed = 无法从这台设备读取你的学习进度：{ $reason }
progress-fold-unavailable = 无法统计你的学习进度：需要的一部分程序没能下载。请连上网络，再打开这个页面。你学过的内容不会丢失。

## Not found: an address that is no page of the app

notfound-title = 这个页面不存在
notfound-back = 返回你的课程

## Opening a page: its code is downloaded the first time it opens

page-chunk-loading = 正在打开页面…
page-chunk-failed = 这个页面没能下载。请检查网络连接，然后再试一次。
assignments-chunk-failed = 你的作业没能下载。请检查网络连接，然后再试一次。
page-chunk-retry = 再试一次
page-chunk-reload-hint = 如果联网时还是这样，可能是应用在另一个标签页里更新了：请重新加载应用。
page-chunk-reload = 重新加载应用

## Account page ("Me")

account-title = 我的
account-intro = 不用账号也能学习：你的学习进度保存在这台设备上。登录后，进度也会保存在学校的服务器上，在你的其他设备上也能看到。
account-history-link = 我的学习记录：查看、保存为文件、导入
account-sync-heading = 同步
account-rejected-summary = 服务器拒收的答案：{ $count } 个（仍保存在这台设备上）
account-rejected-entry = { $activity }：{ $reason }
account-rejected-unknown-activity = 未知练习
account-rejected-send-again = 重新发送
account-rejected-send-again-help = 等学校解决了服务器拒收这些答案的问题，再重新发送。服务器已经以别的形式收到的答案不能再发送。
account-rejected-sent-again = { $count } 个答案将重新发送
account-rejected-invalid = 无效：{ $message }
account-rejected-conflict = 冲突：{ $message }
account-rejected-too-large = 太大了，服务器收不了

## Account panel: signing in, creating an account, signing out

account-panel = 账号
account-username = 用户名
account-password = 密码
account-invitation = 老师邀请码
account-invitation-needed = 创建老师账号需要管理员给你的邀请码
account-sign-in = 登录
account-create = 创建账号
account-signed-in-as = 已登录：{ $username }
account-sign-out = 退出登录
account-wrong-credentials = 用户名或密码不对
account-username-taken = 这个用户名已经有人用了
account-unreachable = 连不上服务器；请联网后再试
account-server-error = 服务器出错了（http { $status }）；请稍后再试
account-server-refused = 服务器拒绝了（http { $status }）
account-unreadable-answer = 服务器发来的回复这个应用读不懂：{ $detail }
account-storage-failed = 登录信息没能保存在这台设备上：{ $reason }

## The account holder's actions on the "Me" page

account-actions-heading = 你的账号
account-change-password-heading = 修改密码
account-current-password = 当前密码
account-new-password = 新密码
account-change-password = 修改密码
account-password-changed = 密码已修改。你的其他设备已退出登录。
account-sign-out-everywhere = 在所有设备上退出登录
account-signed-out-everywhere = 已在所有设备上退出登录，包括这一台。
account-delete-heading = 删除账号
account-delete-explained = 删除账号后，它会从学校的服务器上永久删除，你记录的所有答案和你在各个班级中的位置也会一起删除。老师的报告里将不再有你；老师已经保存成文件的报告是学校的副本，不会被改动。这台设备也会忘记这个账号和它的答案。
account-delete-confirm-label = 我明白删除后无法恢复
account-delete = 删除我的账号
account-deleted = 你的账号已删除。
account-wrong-current-password = 当前密码不对

## Sync details on the "Me" page

sync-panel = 同步
sync-activity-syncing = 正在同步…
sync-activity-up-to-date = 已是最新
sync-activity-waiting-to-retry = 稍后会再试
sync-activity-offline = 离线：学习进度保存在这台设备上
sync-activity-sign-in-again = 请重新登录以同步
sync-activity-not-signed-in = 未登录：学习进度只保存在这台设备上
sync-waiting-label = 等待同步
sync-last-label = 上次同步
sync-last-never = 从未同步
sync-problem-label = 问题
sync-problem-none = 没有
sync-rejected-label = 被服务器拒收
sync-now = 立即同步
sync-problem-signed-out = 已退出登录
sync-problem-server-unreachable = 连不上服务器
sync-problem-server-error = 服务器出错（http { $status }）
sync-problem-unreadable-answer = 服务器发来的回复读不懂：{ $detail }
sync-problem-rejected = 被拒收：{ $detail }
sync-problem-refused = 服务器拒绝了，但没有说明是哪个答案（http { $status }），所以所有答案都留在这台设备上，稍后再发送：{ $detail }
sync-problem-local-storage-failed = 本地存储出错：{ $detail }

## Load errors: why content (the course list, a course, a lesson) could not be loaded

load-unreachable = 连不上服务器，而且这部分内容还没有下载过
load-status = 服务器对 { $name } 的回复是 { $status }
load-unknown-course = 没有课程 `{ $course }`
load-unknown-lesson = 课程 `{ $course }` 里没有课 `{ $lesson }`
load-file-truncated = { $kind ->
        [catalog] 课程目录
        [manifest] 课程清单
       *[lesson] 这一课的
    }文件不完整（{ $detail }）
load-file-malformed = { $kind ->
        [catalog] 课程目录
        [manifest] 课程清单
       *[lesson] 这一课的
    }文件第 { $line } 行第 { $column } 列有格式错误：{ $detail }
load-file-unreadable = { $kind ->
        [catalog] 课程目录
        [manifest] 课程清单
       *[lesson] 这一课的
    }文件不是此版本能读取的格式：{ $detail }
load-file-inconsistent = { $kind ->
        [catalog] 课程目录
        [manifest] 课程清单
       *[lesson] 这一课的
    }文件内容前后不一致：{ $detail }
load-file-unsupported-format = { $kind ->
        [catalog] 课程目录
        [manifest] 课程清单
       *[lesson] 这一课的
    }文件的包格式是 { $found }，但这个版本的 baeum 只能读格式 { $expected }
load-not-hashed-name = `{ $name }` 不是按内容哈希命名的文件名（64 位小写十六进制数字、一个点和扩展名）
load-hash-mismatch = `{ $name }` 的内容和文件名对不上：它的 sha256 是 { $actual }

## Storage: why the device's storage failed

storage-indexeddb-unavailable = 这个浏览器在这里不提供 indexeddb（可能是无痕窗口或旧浏览器）
storage-quota-exceeded = 这台设备上已经没有空间留给这个应用了
storage-version-too-new = 保存的数据来自更新版本的应用；请重新加载来更新
storage-migration-failed = 保存的数据无法升级：{ $detail }
storage-duplicate-statement = 编号为 { $id } 的记录已经存在
storage-invalid-statement = 这条记录无法保存：{ $detail }
storage-serialization = 有一个值无法转换成可以存储的格式：{ $detail }
storage-unreadable-record = { $store } 里的记录 { $key } 读不出来：{ $detail }
storage-aborted = 写入被中断了，没有保存任何内容
storage-database-failed = 本地数据库出错（{ $name }）：{ $detail }

## Lesson page: loading a lesson and telling whether the answers are saved on the device

lesson-back-link = ← 返回课程
lesson-loading = 正在加载这一课…
lesson-saving = 正在把你的答案保存到这台设备上…
lesson-saved = 已保存在这台设备上。
lesson-save-failed = 有些答案没能保存在这台设备上：{ $reason }。请检查这台设备的剩余空间，然后再学一次这一课。

## Lesson player: items, answers, feedback and the summary at the end

lesson-progress = 本课进度
lesson-position = { $current } / { $total }
lesson-culture-note = 文化小知识
lesson-hear-letter-name = 听字母的名称：{ $text }
lesson-hear-it = 听一听：{ $text }
lesson-hear-word = 听单词：{ $text }
lesson-hear-example = 听例句：{ $text }
lesson-listen = 听：{ $text }
lesson-show-hint = 看提示
lesson-continue-anyway = 直接继续
lesson-continue = 继续
lesson-typed-answer-label = 你的韩语答案
lesson-check = 检查
lesson-your-sentence = 你的句子
lesson-correct = 答对了！
lesson-correct-written-exactly = 答对了。标准写法：{ $expected }
lesson-not-quite = 还差一点。
lesson-answer-is = 答案是 { $answer }
lesson-try-again = 再试一次，或者继续。
lesson-diff-missing = 少了 { $expected }
lesson-diff-extra = 不需要 { $given }
lesson-diff-wrong = { $given } 应该是 { $expected }
lesson-diff-jamo-wrong = { $given } → { $expected }：{ $part ->
        [initial] 开头的辅音
        [medial] 元音
       *[final] 收音
    }应该是 { $expected_jamo }，不是 { $given_jamo }
lesson-diff-jamo-missing = { $given } → { $expected }：少了{ $part ->
        [initial] 开头的辅音
        [medial] 元音
       *[final] 收音
    } { $expected_jamo }
lesson-diff-jamo-extra = { $given } → { $expected }：不需要{ $part ->
        [initial] 开头的辅音
        [medial] 元音
       *[final] 收音
    } { $given_jamo }
lesson-diff-tone = { $given } → { $expected }：声调符号应该是 { $expected_tone }，不是 { $given_tone }
lesson-diff-mark = { $given } → { $expected }：字母应该是 { $expected_letter }，不是 { $given_letter }
lesson-complete = 这一课学完了
lesson-score = 第一次就答对 { $correct } / { $total } 题（{ $percent }%）
lesson-next-lesson = 下一课
lesson-back-to-course = 返回课程

## Korean keyboard: on-screen dubeolsik keys and typing Korean with Latin keys

keyboard-toggle = 韩文键盘
keyboard-keys-label = 韩文键盘按键
# Keep the Korean letters as they are.
keyboard-shift-label = Shift：紧音 ㄲ ㄸ ㅃ ㅆ ㅉ 和 ㅒ ㅖ
keyboard-backspace-label = 退格：删除一个字母
keyboard-space-label = 空格
keyboard-space-key = 空格
keyboard-done-label = 完成：收起韩文键盘
keyboard-done = 完成
keyboard-latin-to-hangul = 用英文键盘打韩文

## Recording answers

recording-no-sync-layer = 同步功能没有运行

## Reviews page: flash cards of what is due today

review-title = 复习
review-loading = 正在找今天要复习的内容…
review-nothing-due = 现在没有要复习的。明天再来，或者学一节新课。
review-no-sync-layer = 同步功能没有运行
review-position = { $current } / { $total }
review-done = 今天复习完了
review-reviewed-count = 你复习了 { $count } 张卡片。
review-home = 首页
review-new-card = 新卡片
review-show-answer = 看答案
review-knew-it = 我记得
review-not-yet = 还没记住

## Course page: a course's units and lessons (src/pages/course.rs)

course-all-courses = ← 全部课程
course-loading = 正在加载课程…
course-lesson-steps = · { $count } 步

course-lesson-done = 已完成
course-lesson-started = 进行中：{ $seen }/{ $total } 步
course-lesson-new = 新课
course-unit-progress = 已完成 { $done }/{ $total } 课

course-enrolment-application = 在这个站点，这门课程需要申请：现在就可以学习课程里的课，申请获批后即可获得证书。
course-enrolment-assignment = 在这个站点，这门课程通过老师的班级学习：现在就可以学习课程里的课，班级被布置这门课程后即可获得证书。

## Course downloads: the download panel on a course's page, the units' download lines, and the
## list of downloaded courses on the "This device" page (src/downloads.rs)

download-error-connection = 网络断了。已经下载的内容会保留；联网后可以继续下载
download-error-damaged = { $name } 每次下载都是坏的（试了 { $attempts } 次）；请稍后再试
download-error-status = 服务器对 { $name } 的回复是 { $status }
download-error-device-full = 这台设备满了。什么都没有丢失；请删除一门已经学完的课程的下载内容（在“设备”页面上可以看到），或者在设备上腾出空间，然后继续下载
download-error-storage = 下载的内容无法保存：{ $reason }
download-error-delete = 下载的内容无法删除：{ $reason }
download-progress-label = 下载进度
download-save-data-note = 你的浏览器开启了省流量：只下载文字会小很多。
download-start-all = 下载到设备，离线使用（{ $size }）
download-start-rest = 下载剩下的部分（{ $size }）
download-start-text-only = 只下载文字（{ $size }）；联网时才能播放声音
download-start-audio-too = 把声音也下载下来（{ $size }）
download-resume = 继续下载
download-pause = 暂停
download-delete = 删除下载内容（保留学习进度）
download-unit-on-device = { $size } · 已在这台设备上
download-unit-to-download = 下载大小 { $size }
download-unit-start = 下载这个单元
download-assigned-paused = 下载已暂停
download-assigned-unavailable = 这个浏览器不能保存下载内容（是无痕窗口吗？）
download-list-title = 已下载的课程
download-list-loading = 正在读取下载内容…
download-list-error = 无法读取下载内容：{ $reason }。
download-list-empty = 还没有下载任何课程。在课程页面上可以把课程下载下来离线使用。
download-list-entry = { $title }：{ $size }
download-list-delete = 删除下载内容
download-list-note = 删除下载内容会保留你的学习进度；之后联网时还能打开这门课程。
download-status-checking = 正在检查这台设备上有什么…
download-status-not-downloaded = 还没下载。整门课程连同声音共 { $total }。
download-status-partly = 已下载一部分：{ $stored } / { $total }。继续下载可以取得剩下的部分。
download-status-text-only = 文字已下载：这台设备上有 { $text }。声音（{ $audio }）只能联网播放。
download-status-downloading = 正在下载：{ $done } / { $total }
download-status-few-seconds-left = 正在下载：{ $done } / { $total }，还剩几秒
download-status-seconds-left = 正在下载：{ $done } / { $total }，还剩约 { $seconds } 秒
download-status-minutes-left = 正在下载：{ $done } / { $total }，还剩约 { $minutes } 分钟
download-status-hours-left = 正在下载：{ $done } / { $total }，还剩约 { $hours } 小时
download-status-paused = 已暂停：已下载 { $done } / { $total }。
download-status-stopped = 下载停止了：{ $reason }。
download-status-complete = 已下载：这台设备上有 { $total }。离线也能用。
download-status-unavailable = 这个浏览器不能保存下载内容（是无痕窗口吗？）。联网时仍然可以打开课。

## "This device" page: languages, storage, connection (src/pages/settings.rs)

settings-title = 这台设备
settings-interface-language-title = 语言
settings-interface-language-label = baeum 的显示语言
settings-help-language-title = 帮助语言
settings-help-language-label = 词义和帮助使用的语言
settings-storage-title = 存储空间
settings-storage-measuring = 正在计算存储空间…
settings-storage-unreported = 这个浏览器不提供存储空间的信息。
settings-storage-use = 已使用 { $used }，baeum 可用空间共 { $quota }。
settings-storage-meter-label = 已用存储空间
settings-persistence-checking = 正在检查下载内容是否受保护…
settings-persistence-protected = 你的下载内容和学习进度受到保护：浏览器不会为了腾出空间而删除它们。
settings-persistence-not-protected = 设备空间不够时，浏览器可能会删除下载内容。你的答案会一直保留，直到发送到学校。
settings-protect-downloads = 保护我的下载内容
settings-offline-title = 离线使用
settings-whole-app-explain = 打开过的页面都会留在这台设备上，没有网络也能再打开。
settings-whole-app-checking = 正在查看这台设备上有什么…
settings-whole-app-keep = 把整个应用保存在这台设备上（{ $size }）
settings-whole-app-keep-again = 再试一次：把整个应用保存在这台设备上
settings-whole-app-keeping = 正在下载整个应用…
settings-whole-app-kept = 整个应用已经在这台设备上了：每个页面都能离线打开。
settings-whole-app-failed = 有些部分没能下载。请连接网络后再试一次。
settings-whole-app-unavailable = 这个浏览器不能在这个网址把应用保存下来离线使用。
settings-connection-title = 网络连接
settings-connection-offline = 离线。你下载的内容都还能用；答案会保存在这台设备上。
settings-connection-online = 在线。
settings-about-title = 关于

## My learning history page (src/pages/history.rs)

history-no-storage = 学习记录需要使用这台设备的存储空间，但现在用不了。
history-title = 我的学习记录
# xAPI is the name of a standard for learning records; keep it as it is.
history-intro = 这是你的学习记录。它保存为标准的 xAPI 记录，任何学习记录系统都能读取。
history-export = 把我的学习记录保存为文件
history-import = 导入学习记录文件
history-loading = 正在读取你的学习记录…
history-empty = 还没有记录：你学过的课会显示在这里。
history-day-summary = ：完成 { $lessons } 节课，答题 { $answers } 次（答对 { $right } 次），阅读 { $items } 项内容
history-import-unreadable = 文件读不出来
history-import-not-json = 这不是学习记录文件（不是 JSON：{ $error }）
history-import-not-a-list = 这不是学习记录文件：它应该是一个记录列表
history-import-result = 导入了 { $added } 条；{ $already_here } 条本来就在这里；{ $not_yours } 条属于另一个学生；{ $unreadable } 条读不出来。

## My classes page and the learner's assignments (src/teaching/learner.rs)

classes-title = 我的班级
classes-loading = 正在加载…
classes-signed-out = 登录后就能加入你的班级。你需要老师给你的班级码；不需要电子邮箱。
classes-join-title = 加入班级
classes-join-code-label = 老师给你的班级码
classes-join-button = 加入班级
classes-join-code-missing = 请输入老师给你的班级码。
classes-joined = 你已加入 { $class }（老师：{ $teacher }）。
classes-join-unknown-code = 没有班级用这个码。请和老师核对班级码，再输入一次。
classes-join-not-a-code = 这不是班级码：{ $reason }。
classes-join-rate-limited = 错误的班级码输入太多次了。请等 { $wait }后再试。
classes-wait-seconds = { $seconds } 秒
classes-wait-minutes = { $minutes } 分钟
classes-join-offline = 你现在离线。加入班级需要联网；请联网后再试。
classes-join-signed-out = 请先登录，再输入班级码。
classes-join-forbidden = 这个账号不能加入：{ $reason }。
classes-join-failed = 没能加入：{ $reason }。
classes-mine-title = 我加入的班级
classes-none = 你还没有加入班级。
classes-class-teacher = · 老师 { $teacher }
classes-list-as-of = 班级列表更新于 { $time }
# Around a link to the Teach page: "你的班级和加入码都在 [教学] 页面上。"
classes-for-teacher-before = 你的班级和加入码都在
classes-for-teacher-link = 教学
classes-for-teacher-after = 页面上。
classes-my-assignments-title = 我的作业
classes-assignments-as-of = 更新于 { $time }
classes-assignments-loading = 正在加载你的作业…
classes-no-assignments = 还没有作业。老师布置的课会出现在这里。
classes-download-assigned = 下载我的作业，离线使用
classes-download-assigned-finding = 正在查找作业需要的内容…
classes-download-assigned-progress = 正在下载第 { $current } / { $total } 个…
classes-download-assigned-done = 作业里的课已经在这台设备上了：离线也能打开。
classes-download-assigned-stopped = 下载停止了：{ $reason }。
# Before the teacher's username: "布置老师 kim · 班级：韩语 1".
classes-assignment-assigned-by = 布置老师
classes-assignment-class = · 班级：{ $class }
# Before the due date and time: "截止时间 2024年5月5日 18:00".
classes-assignment-due = 截止时间
classes-assignment-overdue = · 已过期
classes-assignment-progress = { $status }（已完成 { $done } / { $total } 节课）

## Teacher pages

teach-nav-teach = 教学
teach-nav-classes = 班级

## Teacher pages: errors from the school server
## These are put into other sentences after a colon (for example "班级没有创建：…").

teach-error-signed-out = 你在这台设备上没有登录；请登录后继续
teach-error-offline = 连不上服务器；请联网后再试
teach-error-forbidden = 你的账号不能做这件事：{ $reason }
teach-error-rate-limited = 尝试次数太多了；请等 { $seconds } 秒再试
teach-error-unprepared = 作业没能准备好：{ $error }
teach-error-unreadable-answer = 服务器发来的回复这个应用读不懂：{ $error }
teach-error-refused = 服务器拒绝了（http { $status }）

## Teacher pages: where a learner stands with an assignment

teach-status-not-started = 还没开始
teach-status-in-progress = 进行中
teach-status-done = 已完成

## Teacher pages: dates and times

teach-due-missing = 请选择截止日期和时间
# Keep the example 2026-12-01T17:00 as it is.
teach-due-unreadable = { $input } 不是像 2026-12-01T17:00 这样的日期和时间
teach-time-never = 从未
teach-as-of = 更新于 { $time }
teach-due = 截止 { $time }
teach-last-active = 最近活动 { $time }

## Teacher pages: names of courses, units and lessons

teach-unit-by-id = 单元 { $id }
teach-lesson-by-id = 课 { $id }
teach-target-whole-unit = { $course } › { $unit }（整个单元）
teach-target-whole-course = { $course }（整门课程）

## Teacher pages: who may see them

teach-loading = 正在加载…
teach-signed-out = 请用老师账号登录，才能创建班级和布置作业。
teach-not-teacher = 这些页面是给老师用的。你的班级和作业在 { $link } 页面上。
teach-not-teacher-link = 我的班级

## Teacher pages: the teacher's classes

teach-classes-title = 我的班级
teach-new-class-name = 新班级名称
teach-create-class = 创建班级
teach-create-class-name-missing = 请给班级起个名字。
teach-create-class-failed = 班级没有创建：{ $error }
teach-no-classes = 还没有班级。请在上面创建一个。
teach-class-learner-count = { $count } 名学生
teach-join-code = 加入码

## Teacher pages: one class

teach-back-to-classes = ← 我的班级
teach-class-address-invalid = 这个地址不是一个班级。
teach-class-title-fallback = 班级
teach-class-settings = 班级设置
teach-class-name = 班级名称
teach-rename = 改名
teach-class-renamed = 班级已改名。
teach-rename-failed = 没有改名：{ $error }
teach-rotate-join-code = 生成新的加入码
teach-rotate-join-code-hint = 已经在班级里的学生会留在班级里；旧的加入码将不能再用。
teach-join-code-rotated = 班级有了新的加入码；旧的已经不能用了。
teach-rotate-failed = 没有生成新码：{ $error }

## Teacher pages: the site of the address, for its staff

teach-site-link = 管理本站点
teach-site-not-yours = 此页面仅供本地址所属站点的工作人员使用。
teach-site-role-teacher = 你在本站点任教。
teach-site-role-admin = 你负责管理本站点。
teach-site-role-platform-admin = 你负责管理整个平台，包括本站点。
teach-site-courses-title = 本站点提供的课程
teach-site-courses-all = 平台的所有课程，包括以后新增的
teach-site-courses-only = 只提供下面勾选的课程
teach-site-courses-save = 保存课程
teach-site-courses-saved = 已保存。学生下次打开站点时会看到所选课程。
teach-site-courses-none = 请至少勾选一门课程，或选择提供所有课程。
teach-site-failed = 未完成：{ $error }
teach-site-staff-title = 本站点的工作人员
teach-site-staff-teacher = 教师
teach-site-staff-admin = 站点管理员
teach-site-staff-role-label = { $name } 的角色
teach-site-staff-remove = 移出工作人员
teach-site-staff-saved = 已保存。
teach-site-staff-hint = 教师通过邀请加入。离开工作人员名单后，他们的班级仍归他们所有。
teach-site-featured-title = 首页优先展示
teach-site-featured-hint = 本站点的学习者会在首页按此顺序最先看到这些课程。如果一门也没有选，首页显示课程目录中排在前面的课程。
teach-site-featured-up = 上移
teach-site-featured-up-label = 将“{ $course }”上移
teach-site-featured-remove = 移除
teach-site-featured-remove-label = 从首页移除“{ $course }”
teach-site-featured-choose = 本站点的课程
teach-site-featured-add = 在首页展示
teach-site-featured-saved = 已保存。
teach-site-invite-title = 邀请教师
teach-site-invite-hint = 一次性邀请码：新教师在本站点地址的教师应用中创建账号时输入。
teach-site-invite = 生成邀请码
teach-site-invitation-until = 有效期至 { $time }
teach-site-report-title = 本站点的学习情况
teach-site-report-hint = 按课程和月份统计。少于 { $smallest } 名学生的数字不会显示，以免认出具体的孩子。
teach-site-report-empty = 本站点还没有学习记录。
teach-site-column-course = 课程
teach-site-column-month = 月份
teach-site-column-active = 学习的学生
teach-site-column-lessons = 完成的课
teach-site-column-courses = 完成的课程
teach-site-report-download = 下载报告（CSV）
teach-site-suppressed = 少于 { $smallest }
teach-site-certificates-title = 证书
teach-site-certificates-hint = 本站点颁发的证书，最新的在前。误发的证书可以撤销：之后查验它时会显示已被撤销，学习者可以重新申请。
teach-site-certificates-none = 本站点还没有颁发过证书。
teach-site-certificate-course = 课程
teach-site-certificate-name = 证书上的名字
teach-site-certificate-issued = 颁发时间
teach-site-certificate-state = 状态
teach-site-certificate-revoked = 已于 { $time } 撤销
teach-site-certificate-revoke = 撤销
teach-site-certificate-revoke-confirm = 撤销 { $name } 的“{ $course }”证书吗？撤销后无法恢复。

## Teacher pages: a class taught with another school

teach-joint-title = 与其他学校合作教学
teach-joint-schools = 学校：{ $names }
teach-joint-teachers = 教师
teach-joint-owner = 创建了这个班级
teach-joint-hint = 如果要和其他学校的老师一起教这个班级，请把这个教师码给对方。对方在自己学校地址的 baeum 中输入这个码；之后他们的学生在那里用本班的加入码加入。
teach-joint-code = 教师码
teach-joint-make-code = 生成教师码
teach-joint-withdraw-code = 停用这个码
teach-joint-remove = 把 { $name } 移出这个班级
teach-joint-leave = 退出这个班级
teach-joint-failed = 没有更改：{ $error }
teach-joint-take-up-title = 与其他学校合作教一个班级
teach-joint-take-up-code = 班级老师给的教师码
teach-joint-take-up = 教这个班级
teach-joint-take-up-failed = 没有加入这个班级：{ $error }
teach-joint-filter = 显示哪个学校的学生
teach-joint-filter-all = 所有学校

## Teacher pages: the learners in a class

teach-members-title = 学生
teach-no-members = 还没有学生。学生用上面的加入码加入。
teach-remove = 移出
teach-remove-member-label = 移出 { $name }
teach-confirm-removal = 确认移出
teach-remove-question = 把 { $name } 移出这个班级吗？移出后就看不到这个班级的作业了。
teach-remove-yes = 是的，移出
teach-remove-keep = 保留
teach-remove-failed = 没能移出 { $name }：{ $error }

## Teacher pages: assigning lessons

teach-assign-title = 布置作业
teach-assign-course = 课程
teach-assign-choose-course = 选择课程
teach-assign-catalog-failed = 课程列表没能加载：{ $error }。
teach-assign-unit = 单元（可选）
teach-assign-whole-course = 整门课程
teach-assign-lesson = 课（可选）
teach-assign-whole-unit = 整个单元
teach-assign-due = 截止时间（你所在地的时间）
teach-assign-note = 给学生的留言（可选）
teach-assign-for = 布置给
teach-assign-whole-class = 全班
teach-assign-chosen-learners = 选定的学生
teach-assign = 布置
teach-assign-course-missing = 请选择要布置的课程。
teach-assign-due-unusable = 截止时间不能用：{ $problem }。
teach-assign-learners-missing = 请至少选择一名学生，或者布置给全班。
teach-assigned = 已布置。
teach-assigned-offline = 已保存在这台设备上；重新联网后会发送出去。
teach-assign-save-failed = 作业没能保存在这台设备上：{ $error }

## Teacher pages: the list of a class's assignments

teach-assignments-title = 作业
teach-queue-waiting = 等待发送
teach-queue-refused = 服务器没有接受：{ $reason }
teach-queue-dismiss = 隐藏
teach-audience-whole-class = 全班
teach-audience-learners = { $count } 名学生
teach-quoted-note = “{ $note }”

## Teacher pages: the progress dashboard

teach-dashboard-title = 进度
teach-dashboard-loading = 正在加载进度面板…
teach-dashboard-offline = 这是保存在这台设备上的副本；没能刷新。
teach-dashboard-learners = 学生
teach-most-missed-title = 错得最多的题
teach-no-missed-items = 还没有答错的题。
teach-missed-by-class = 共答 { $attempts } 次，错 { $wrong } 次，{ $learners } 名学生答错
teach-column-learner = 学生
teach-column-lesson = 课
teach-column-status = 状态
teach-column-lessons = 完成的课
teach-column-score = 得分
teach-column-last-active = 最近活动
teach-overdue = 已过期
teach-lessons-done-of = { $done } / { $total }
teach-score-percent = { $percent }%
teach-csv-download = 下载 CSV
teach-csv-refused-by-browser = 浏览器没有接受这次下载。
teach-csv-failed = 没有生成 CSV：{ $error }

## Teacher pages: one learner

teach-back-to-class = ← 返回班级
teach-learner-title-fallback = 学生
teach-drill-down-as-of = 更新于 { $time } · 最近活动 { $last_active }
teach-drill-down-due = 截止 { $time }
teach-items-missed-title = 答错的题
teach-nothing-missed = 还没有答错的题。
teach-missed-by-learner = 共答 { $attempts } 次，错 { $wrong } 次

## Wellbeing: the check-in on home and where to get help

nav-help = 求助
check-in-title = 你今天感觉怎么样？
check-in-face-1 = 很难过
check-in-face-2 = 有点难过
check-in-face-3 = 还行
check-in-face-4 = 不错
check-in-face-5 = 很开心
check-in-words = 想说的话（可以不写，用什么语言都行）
check-in-talk = 我想找人聊一聊
check-in-share = 谁可以看到？
check-in-share-nobody = 只有我
check-in-share-teacher = { $teacher }（{ $class } 的老师）
check-in-privacy = 除非你选择一位老师，否则只有你能看到自己的回答。它永远不会算进任何成绩。
check-in-save = 保存
check-in-skip = 今天先不了
check-in-thanks = 谢谢你的回答。
check-in-talk-private = 这条回答只有你能看到，所以没有老师知道你想找人聊一聊。下次你可以选择一位老师，也可以告诉你信任的大人，或者拨打求助页面上的求助热线。
check-in-talk-shared = 你的老师下次打开 baeum 时会看到这条回答。如果你现在就需要帮助，求助页面上有你可以打电话联系的人。
check-in-skipped = 没关系，明天见。
check-in-low = 有这样的感受是正常的。你并不孤单，有人愿意帮助你。
check-in-not-saved = 没能保存你的回答：{ $reason }
help-title = 哪里可以找到帮助
help-intro = 遇到困难时，开口求助是勇敢的事。你不需要确定事情是否严重，也不需要韩语说得很好。
help-trusted-adult = 你随时可以和老师、父母或其他你信任的大人聊一聊。这些地方也愿意倾听你：
help-country = 你现在在哪里？
help-call = 拨打 { $number }
help-loading = 正在查找求助热线…
help-lines-unavailable = 没有网络连接，暂时无法显示求助热线。可以和老师或其他你信任的大人聊一聊，或者联网后再打开这个页面。
settings-check-in-title = 你今天感觉怎么样？
settings-check-in-enabled = 在首页问我“你今天感觉怎么样？”（每天最多一次）
settings-check-in-shared-title = 谁能看到我的回答
settings-check-in-shared-none = 你还没有和老师分享过回答。
settings-check-in-shared-intro = 这些老师能看到你选择分享给他们的回答。你随时可以收回。
settings-check-in-shared-count = { $count } 条回答
settings-check-in-shared-left-class = 你已经不在的班级
settings-check-in-shared-stop = 停止分享
settings-check-in-shared-stopped = 好了。那位老师再也看不到这些回答了。
settings-check-in-shared-not-stopped = 没能停止分享：{ $reason }
settings-check-in-shared-unreadable = 无法列出你分享的回答：{ $reason }
history-export-check-ins = 把我的心情记录（“你今天感觉怎么样？”）也放进文件

## Wellbeing in the teachers' app

teach-wellbeing-title = 学生们感觉怎么样？
teach-wellbeing-intro = 这里只显示选择与你分享回答的学生。
teach-wellbeing-none = 这个班还没有学生与你分享回答。
teach-wellbeing-trend-better = 最近好一些了
teach-wellbeing-trend-steady = 最近差不多
teach-wellbeing-trend-lower = 最近心情比之前差
teach-wellbeing-recent = 最近的回答
teach-wellbeing-mood = 第 { $mood } 级（共 5 级）
teach-wellbeing-request = 想找人聊聊（{ $time }）
teach-wellbeing-mark-seen = 标记为已读
teach-wellbeing-request-seen = 曾想找人聊聊（{ $asked }），已于 { $seen } 查看
teach-wellbeing-no-open-requests = 目前没有学生在等你聊天。
teach-wellbeing-open-requests = { $count ->
       *[other] 有 { $count } 个聊天请求在等你。
    }

## The catalogue: every course of the site, searched page by page

catalog-title = 全部课程
catalog-search-label = 标题中的词
catalog-subject-label = 科目
catalog-level-label = 水平
catalog-language-label = 帮助语言
catalog-any = 全部
catalog-subject-korean = 韩国语
catalog-subject-vietnamese = 越南语
catalog-subject-math = 数学
catalog-subject-science = 科学
catalog-subject-social = 社会
catalog-subject-other = 其他
catalog-level-beginner = 入门
catalog-level-elementary = 初级
catalog-level-intermediate = 中级
catalog-search = 搜索
catalog-total = { $count } 门课程
catalog-none = 没有符合条件的课程。
catalog-offline = 离线：正在这台设备看过的 { $count } 门课程中搜索。
catalog-lessons = { $lessons } 课，{ $size }
catalog-pages = 结果页
catalog-page = 第 { $page } 页，共 { $pages } 页
catalog-previous = 上一页
catalog-next = 下一页

## Certificates: the learner's certificates and checking one (src/pages/certificates.rs, src/pages/verify.rs)

certificates-title = 我的证书
certificates-intro = 证书证明你在某个站点学完了一门课程。它保存在这台设备上：没有网络也能出示、打印，或者让别人扫描它的二维码。
certificates-none = 你还没有证书。
certificates-as-of = 更新于 { $time }，也就是这台设备最后一次连上服务器的时间。
certificates-kind = 结业证书
certificates-issuer = 颁发者
certificates-date = 日期
certificates-hours = 学习时长
certificates-hours-value = { $hours } 小时
certificates-id = 编号
certificates-revoked = 站点已于 { $date } 撤销这张证书。
certificates-qr-label = 二维码：扫一扫就能查验这张证书
certificates-code = 文本形式的证书
certificates-print = 打印
certificates-save = 保存为文件
certificates-save-all = 把我的所有证书保存到一个文件
certificates-request-title = 领取证书
certificates-request-intro = 在本站点学完一门课程后，就可以申请这门课程的证书。服务器会检查它已经收到的你的答案。
certificates-course = 课程
certificates-name = 你的名字（按证书上要印的写法填写）
certificates-request = 申请证书
certificates-issued = 你的证书准备好了。
certificates-not-yet = 还没有学完：{ $total } 节课中有 { $done } 节已计入。
certificates-missing-lesson = { $lesson }：还没有学完
certificates-low-score = { $lesson }：最高得分 { $best }%，请再学一遍，取得更高的分数
certificates-not-offered = 本站点不为这门课程颁发证书。
certificates-sign-in = 登录后才能领取证书。
certificates-verify-link = 查验证书
certificates-verify-title = 查验证书
certificates-verify-intro = 粘贴证书的文本，或者打开证书文件。这台设备有了各站点的密钥之后，查验就不需要网络。
certificates-verify-text = 证书的文本
certificates-verify-file = 打开证书文件
certificates-verify = 查验
certificates-valid = 真实有效
certificates-valid-detail = { $site } 证明 { $name } 已于 { $date } 学完课程“{ $course }”（{ $hours } 小时）。
certificates-refused = 未通过查验
certificates-claims = 证书上写着：{ $name }，{ $course }，{ $site }，{ $date }。
certificates-refusal-unreadable = 这不是证书，或者它已经损坏、不完整。
certificates-refusal-unknown-key = 就这台设备所知，这个平台上没有任何站点签署过它。请联网一次，获取最新的密钥，然后再查验一次。
certificates-refusal-other-site = 它是用另一个站点的密钥签署的，而不是证书上写的那个站点。
certificates-refusal-retired = 它上面的日期晚于签署它的密钥被更换的时间。
certificates-refusal-tampered = 它在签署之后被改动过。
certificates-refusal-revoked = 站点已于 { $date } 撤销了它。
certificates-checked-as-of = 已依据截至 { $time } 的各站点密钥和已撤销证书名单查验。
certificates-no-keys = 这台设备还没有各站点的密钥。请连一次网络，然后重新打开这个页面。
certificates-not-enrolled = 在这个站点，这门课程需要申请或通过老师的班级学习，而你还没有选上这门课。请看上面的“选课”。
certificates-applications-title = 选课
certificates-applications-intro = 这个站点的部分课程需要申请：在这里申请，站点会告诉你结果。等待期间也可以学习课程里的课。
certificates-applications-places = （名额 { $places } 个）
certificates-applications-apply = 申请
certificates-applications-by-assignment = 通过这个站点老师的班级学习。
certificates-applications-queued = 尚未发送：设备联网后会自动发送。
certificates-applications-refused = 未被接受：{ $reason }
certificates-applications-mine = 我的申请
certificates-applications-none = 你还没有申请任何课程。
certificates-applications-applied = { $date } 申请
certificates-applications-pending = 等待站点决定
certificates-applications-waiting = 候补中：第 { $place } 位
certificates-applications-approved = 已批准
certificates-applications-declined = 已拒绝：{ $reason }
certificates-applications-withdrawn = 已撤回
certificates-applications-withdraw = 撤回申请
teach-site-enrolment-title = 选课
teach-site-enrolment-hint = 学习者如何进入这里的每门课程：开放（任何人都能马上开始）、申请（由你批准或拒绝），或通过布置这门课的老师班级。只有选上课程的学习者才能获得证书。课程内容对所有人开放。
teach-site-enrolment-course = 课程
teach-site-enrolment-mode = 选课方式
teach-site-enrolment-open = 开放
teach-site-enrolment-application = 申请
teach-site-enrolment-assignment = 通过老师的班级
teach-site-enrolment-capacity = 名额（留空：不限）
teach-site-enrolment-places = （名额 { $places } 个）
teach-site-enrolment-save = 保存
teach-site-enrolment-saved = 已保存。
teach-site-applications-title = 申请列表
teach-site-applications-none = 还没有申请。
teach-site-applications-approve = 批准
teach-site-applications-decline = 拒绝
teach-site-applications-reason = 拒绝理由（学习者会看到）
certificates-progress-title = 证书进度
certificates-progress-line = { $course }：{ $total } 课中已有 { $done } 课计入
certificates-verify-scan = 用摄像头扫描
certificates-verify-scan-stop = 关闭摄像头
certificates-verify-scan-problem = 无法打开摄像头。请允许此页面使用摄像头，或粘贴证书的文本。
