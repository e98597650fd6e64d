// Every word the console shows, in Vietnamese (first) and English, and every date and number format.

const DICTIONARY = {
  vi: {
    'app.name': 'GateCast',
    'app.tagline': 'Bảng điều khiển màn hình cửa khẩu',
    'lang.switch': 'English',
    'lang.switchLabel': 'Chuyển sang tiếng Anh',
    'login.title': 'Đăng nhập',
    'login.username': 'Tên đăng nhập',
    'login.password': 'Mật khẩu',
    'login.submit': 'Đăng nhập',
    'login.failed': 'Sai tên đăng nhập hoặc mật khẩu.',
    'shell.logout': 'Đăng xuất',
    'shell.signedInAs': 'Đăng nhập: {user} ({roles})',
    'shell.skip': 'Bỏ qua đến nội dung chính',
    'shell.menu': 'Các mục',
    'nav.fleet': 'Màn hình',
    'nav.content': 'Nội dung',
    'nav.review': 'Duyệt nội dung',
    'nav.publish': 'Phát hành',
    'nav.alert': 'Thông báo khẩn',
    'nav.reports': 'Báo cáo',
    'reports.title': 'Báo cáo phát và thời gian hoạt động',
    'reports.from': 'Từ ngày', 'reports.to': 'Đến hết ngày', 'reports.groupBy': 'Nhóm theo',
    'reports.allGates': 'Mọi cửa khẩu',
    'reports.by.campaign': 'Chiến dịch', 'reports.by.language': 'Ngôn ngữ', 'reports.by.item': 'Mục nội dung',
    'reports.by.screen': 'Màn hình', 'reports.by.cluster': 'Cửa khẩu', 'reports.by.day': 'Ngày',
    'reports.show': 'Xem báo cáo', 'reports.csv': 'Tải CSV',
    'reports.playsTitle': 'Số lần phát', 'reports.uptimeTitle': 'Thời gian hoạt động theo cửa khẩu',
    'reports.total': 'Tổng: {plays} lần phát, {airtime}',
    'reports.plays': 'Lần phát', 'reports.airtime': 'Thời lượng',
    'reports.noPlays': 'Không có lần phát nào trong khoảng này.',
    'reports.noUptime': 'Không có số liệu.',
    'reports.uptime': 'Hoạt động', 'reports.measured': 'Thời gian đo',
    'reports.defaultPlaylist': '(danh sách phát riêng của màn hình)',
    'reports.chartPlays': 'Số lần phát theo {by}', 'reports.chartUptime': 'Tỷ lệ hoạt động theo cửa khẩu',
    'reports.yearEnd.open': 'Tổng kết cuối năm →',
    'yearEnd.title': 'Tổng kết cuối năm', 'yearEnd.back': '← Báo cáo', 'yearEnd.year': 'Năm',
    'yearEnd.overview': 'Các cửa khẩu năm {year}', 'yearEnd.playsByGate': 'Số lần phát theo cửa khẩu',
    'yearEnd.uptimeByGate': 'Tỷ lệ hoạt động theo cửa khẩu', 'yearEnd.detail': '{gate} · năm {year}',
    'yearEnd.period': 'Từ {from} đến {to} (giờ {zone})',
    'yearEnd.totals': 'Tổng: {plays} lần phát, {airtime}, hoạt động {uptime}',
    'yearEnd.byMonth': 'Số lần phát theo tháng', 'yearEnd.screens': 'Thời gian hoạt động theo màn hình',
    'lib.search': 'Tìm kiếm', 'lib.searchHint': 'Trong tiêu đề, mã mục và chữ của các bản; gõ không dấu cũng được.',
    'lib.filter.language': 'Ngôn ngữ', 'lib.filter.type': 'Loại nội dung',
    'lib.type.image': 'Ảnh', 'lib.type.video': 'Video', 'lib.type.text': 'Chữ', 'lib.type.html': 'Trang HTML',
    'lib.found': 'Tìm thấy {count} mục.', 'lib.noMatch': 'Không có mục nào khớp.',
    'lib.more': 'Xem thêm (đang hiện {shown}/{total})',
    'lib.preview': 'Xem trước', 'lib.previewOf': 'Xem trước “{title}” như trên màn hình',
    'lib.previewLanguage': 'Ngôn ngữ xem trước', 'lib.previewTitle': 'Xem trước trên màn hình',
    'lib.previewNew': 'Mục đang soạn, như trên màn hình',
    'role.admin': 'quản trị', 'role.operator': 'điều hành', 'role.approver': 'người duyệt',
    'role.contributor': 'người soạn', 'role.technician': 'kỹ thuật viên', 'role.viewer': 'người xem',
    'common.loading': 'Đang tải…',
    'common.error': 'Lỗi: {message}',
    'common.none': '—',
    'common.updated': 'Cập nhật lúc {time}',
    'common.never': 'chưa bao giờ',
    'common.back': 'Quay lại danh sách màn hình',
    'common.cancel': 'Huỷ',
    'fleet.title': 'Màn hình theo cửa khẩu',
    'fleet.summary': '{total} màn hình · {online} trực tuyến · {problems} có vấn đề',
    'fleet.onlyProblems': 'Chỉ hiện màn hình có vấn đề',
    'fleet.search': 'Tìm màn hình',
    'fleet.empty': 'Không có màn hình nào.',
    'fleet.noProblems': 'Không có màn hình nào có vấn đề.',
    'fleet.live': 'Tự cập nhật mỗi {seconds} giây',
    'fleet.col.screen': 'Màn hình', 'fleet.col.agent': 'Kết nối', 'fleet.col.content': 'Nội dung',
    'fleet.col.display': 'Hiển thị', 'fleet.col.lastSeen': 'Lần cuối thấy', 'fleet.col.item': 'Đang phát',
    'fleet.col.version': 'Phiên bản', 'fleet.col.disk': 'Đĩa trống',
    'state.ONLINE': 'Trực tuyến', 'state.OFFLINE': 'Mất kết nối', 'state.REVOKED': 'Đã thu hồi',
    'content.upToDate': 'Đã cập nhật', 'content.behind': 'Chưa cập nhật',
    'display.SHOWING': 'Đang hiển thị', 'display.NOT_SHOWING': 'Không hiển thị', 'display.UNKNOWN': 'Không rõ',
    'screen.title': 'Màn hình {name}',
    'screen.cluster': 'Cửa khẩu', 'screen.location': 'Vị trí', 'screen.languages': 'Ngôn ngữ',
    'screen.applied': 'Phiên bản đang chạy / đã phát hành', 'screen.agentVersion': 'Phiên bản phần mềm',
    'screen.uptime': 'Thời gian chạy', 'screen.cache': 'Bộ nhớ đệm', 'screen.language': 'Ngôn ngữ đang hiện',
    'screen.autonomy': 'Tự chạy không cần mạng đến',
    'screen.commands': 'Lệnh từ xa',
    'screen.history': 'Lịch sử trạng thái',
    'screen.screenshot': 'Ảnh chụp màn hình gần nhất',
    'screen.noScreenshot': 'Chưa có ảnh chụp.',
    'screen.noHistory': 'Chưa có thay đổi nào.',
    'screen.noCommands': 'Chưa gửi lệnh nào.',
    'screen.sent': 'Đã gửi lệnh {kind}.',
    'cmd.SCREENSHOT': 'Chụp màn hình', 'cmd.RELOAD': 'Tải lại trang', 'cmd.RESTART': 'Khởi động lại',
    'cmd.IDENTIFY': 'Nhận diện', 'cmd.CLEAR_CACHE': 'Xoá bộ nhớ đệm',
    'cmd.col.kind': 'Lệnh', 'cmd.col.sent': 'Gửi lúc', 'cmd.col.status': 'Kết quả', 'cmd.col.detail': 'Chi tiết',
    'cmdStatus.PENDING': 'Đang chờ', 'cmdStatus.DONE': 'Xong', 'cmdStatus.FAILED': 'Thất bại', 'cmdStatus.EXPIRED': 'Hết hạn',
    'aspect.AGENT': 'Kết nối', 'aspect.CONTENT': 'Nội dung', 'aspect.DISPLAY': 'Hiển thị',
    'history.col.at': 'Lúc', 'history.col.aspect': 'Mặt', 'history.col.value': 'Giá trị', 'history.col.detail': 'Chi tiết',
    'value.true': 'Đã cập nhật', 'value.false': 'Chưa cập nhật',
    'value.UP_TO_DATE': 'Đã cập nhật', 'value.STALE': 'Chưa cập nhật',
    'lib.title': 'Thư viện nội dung',
    'lib.upload': 'Tải tệp lên',
    'lib.file': 'Tệp (ảnh, video, SVG)',
    'lib.uploadButton': 'Tải lên',
    'lib.uploaded': 'Đã tải lên {name}.',
    'lib.progress': 'Tiến độ tải lên',
    'lib.media': 'Tệp đã tải lên',
    'lib.noMedia': 'Chưa có tệp nào.',
    'lib.create': 'Tạo mục nội dung',
    'lib.id': 'Mã mục (chữ thường, số, dấu gạch)',
    'lib.itemTitle': 'Tiêu đề',
    'lib.kind': 'Loại',
    'lib.kind.media': 'Tệp', 'lib.kind.text': 'Chữ',
    'lib.variant': 'Bản {language}',
    'lib.variantMedia': 'Tệp cho bản {language}',
    'lib.variantText': 'Chữ cho bản {language}',
    'lib.seconds': 'Số giây hiển thị',
    'lib.noVariant': '(không có bản này)',
    'lib.submit': 'Gửi duyệt',
    'lib.submitted': 'Đã gửi “{title}” để duyệt.',
    'lib.items': 'Các mục nội dung',
    'lib.noItems': 'Chưa có mục nào.',
    'lib.filter': 'Lọc theo trạng thái',
    'lib.filter.all': 'Tất cả',
    'lib.revision': 'Lần sửa {revision} · {author}',
    'lib.reason': 'Lý do: {reason}',
    'lib.reviewedBy': 'Duyệt bởi {who} lúc {time}',
    'status.PENDING': 'Chờ duyệt', 'status.APPROVED': 'Đã duyệt', 'status.REJECTED': 'Bị từ chối',
    'lang.vi': 'Tiếng Việt', 'lang.en': 'Tiếng Anh', 'lang.zh-Hans': 'Tiếng Trung',
    'review.title': 'Chờ duyệt',
    'review.empty': 'Không có mục nào chờ duyệt.',
    'review.approve': 'Duyệt',
    'review.reject': 'Từ chối',
    'review.reason': 'Lý do từ chối',
    'review.reasonNeeded': 'Hãy nhập lý do từ chối.',
    'review.approved': 'Đã duyệt “{title}”.',
    'review.rejected': 'Đã từ chối “{title}”.',
    'review.own': 'Mục do bạn soạn: người khác phải duyệt.',
    'publish.title': 'Phát hành',
    'publish.schedule': 'Đưa nội dung lên màn hình',
    'publish.item': 'Mục đã duyệt',
    'publish.screens': 'Màn hình',
    'publish.add': 'Thêm vào danh sách phát',
    'publish.added': 'Đã thêm “{item}” vào {count} màn hình.',
    'publish.pickScreens': 'Hãy chọn ít nhất một màn hình.',
    'publish.noApproved': 'Chưa có mục nào được duyệt.',
    'publish.now': 'Phát hành ngay',
    'publish.nowHint': 'Gửi lịch mới tới mọi màn hình có thay đổi.',
    'publish.nothing': 'Không có gì thay đổi: không gửi tới màn hình nào.',
    'publish.withheld': 'Giữ lại (chưa duyệt): {items}',
    'publish.rollout': 'Tiến độ phát hành #{id}',
    'publish.counts': '{applied} đã áp dụng · {pending} đang chờ · {failed} thất bại / {screens} màn hình',
    'publish.recent': 'Các lần phát hành gần đây',
    'publish.col.id': 'Số', 'publish.col.by': 'Người phát hành', 'publish.col.at': 'Lúc', 'publish.col.counts': 'Kết quả',
    'publish.col.screen': 'Màn hình', 'publish.col.version': 'Phiên bản', 'publish.col.status': 'Trạng thái', 'publish.col.error': 'Lỗi',
    'publish.view': 'Xem #{id}',
    'rollout.PENDING': 'Đang chờ', 'rollout.APPLIED': 'Đã áp dụng', 'rollout.FAILED': 'Thất bại',
    'alert.title': 'Thông báo khẩn',
    'alert.new': 'Soạn thông báo mới',
    'alert.intro': 'Hiện ngay trên mọi màn hình của các cửa khẩu được chọn, không qua duyệt.',
    'alert.text': 'Nội dung ({language})',
    'alert.textRequired': 'Bắt buộc',
    'alert.textOptional': 'Không bắt buộc',
    'alert.clusters': 'Cửa khẩu nhận thông báo',
    'alert.hours': 'Hiển thị trong (giờ)',
    'alert.send': 'Gửi thông báo khẩn',
    'alert.needVi': 'Hãy nhập nội dung tiếng Việt.',
    'alert.needCluster': 'Hãy chọn ít nhất một cửa khẩu.',
    'alert.sent': 'Đã gửi thông báo tới {count} màn hình.',
    'alert.sentCluster': '{cluster}: {count} màn hình, phiên bản {version}',
    'alert.sentFailed': '{cluster}: lỗi {error}',
    'alert.list': 'Các thông báo',
    'alert.none': 'Chưa có thông báo nào.',
    'alert.clear': 'Kết thúc',
    'alert.until': 'đến {time}',
    'alertStatus.ACTIVE': 'Đang hiện', 'alertStatus.CLEARED': 'Đã kết thúc', 'alertStatus.EXPIRED': 'Hết hạn',
    'unit.bytes': '{value} {unit}',
  },
  en: {
    'app.name': 'GateCast',
    'app.tagline': 'Border-gate signage console',
    'lang.switch': 'Tiếng Việt',
    'lang.switchLabel': 'Switch to Vietnamese',
    'login.title': 'Sign in',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.failed': 'Wrong username or password.',
    'shell.logout': 'Sign out',
    'shell.signedInAs': 'Signed in: {user} ({roles})',
    'shell.skip': 'Skip to main content',
    'shell.menu': 'Sections',
    'nav.fleet': 'Screens',
    'nav.content': 'Content',
    'nav.review': 'Review',
    'nav.publish': 'Publish',
    'nav.alert': 'Urgent alert',
    'nav.reports': 'Reports',
    'reports.title': 'Proof of play and uptime',
    'reports.from': 'From', 'reports.to': 'To (inclusive)', 'reports.groupBy': 'Group by',
    'reports.allGates': 'All border gates',
    'reports.by.campaign': 'Campaign', 'reports.by.language': 'Language', 'reports.by.item': 'Content item',
    'reports.by.screen': 'Screen', 'reports.by.cluster': 'Border gate', 'reports.by.day': 'Day',
    'reports.show': 'Show the report', 'reports.csv': 'Download CSV',
    'reports.playsTitle': 'Plays', 'reports.uptimeTitle': 'Uptime by border gate',
    'reports.total': 'Total: {plays} plays, {airtime}',
    'reports.plays': 'Plays', 'reports.airtime': 'Airtime',
    'reports.noPlays': 'No plays in this period.',
    'reports.noUptime': 'No figures.',
    'reports.uptime': 'Up', 'reports.measured': 'Measured over',
    'reports.defaultPlaylist': '(the screens\' own playlists)',
    'reports.chartPlays': 'Plays by {by}', 'reports.chartUptime': 'Uptime by border gate',
    'reports.yearEnd.open': 'Year-end summary →',
    'yearEnd.title': 'Year-end summary', 'yearEnd.back': '← Reports', 'yearEnd.year': 'Year',
    'yearEnd.overview': 'Border gates in {year}', 'yearEnd.playsByGate': 'Plays by border gate',
    'yearEnd.uptimeByGate': 'Uptime by border gate', 'yearEnd.detail': '{gate} · {year}',
    'yearEnd.period': 'From {from} to {to} ({zone} time)',
    'yearEnd.totals': 'Total: {plays} plays, {airtime}, up {uptime}',
    'yearEnd.byMonth': 'Plays by month', 'yearEnd.screens': 'Uptime by screen',
    'lib.search': 'Search', 'lib.searchHint': 'In titles, item ids and the variants\' text; diacritics optional.',
    'lib.filter.language': 'Language', 'lib.filter.type': 'Content type',
    'lib.type.image': 'Image', 'lib.type.video': 'Video', 'lib.type.text': 'Text', 'lib.type.html': 'HTML page',
    'lib.found': '{count} items found.', 'lib.noMatch': 'No item matches.',
    'lib.more': 'Show more ({shown} of {total} shown)',
    'lib.preview': 'Preview', 'lib.previewOf': 'Preview of “{title}” as a screen shows it',
    'lib.previewLanguage': 'Preview language', 'lib.previewTitle': 'Preview on a screen',
    'lib.previewNew': 'The item being made, as a screen shows it',
    'role.admin': 'admin', 'role.operator': 'operator', 'role.approver': 'approver',
    'role.contributor': 'contributor', 'role.technician': 'technician', 'role.viewer': 'viewer',
    'common.loading': 'Loading…',
    'common.error': 'Error: {message}',
    'common.none': '—',
    'common.updated': 'Updated at {time}',
    'common.never': 'never',
    'common.back': 'Back to the screens',
    'common.cancel': 'Cancel',
    'fleet.title': 'Screens by border gate',
    'fleet.summary': '{total} screens · {online} online · {problems} with problems',
    'fleet.onlyProblems': 'Only screens with problems',
    'fleet.search': 'Find a screen',
    'fleet.empty': 'No screens.',
    'fleet.noProblems': 'No screen has a problem.',
    'fleet.live': 'Updates every {seconds} seconds',
    'fleet.col.screen': 'Screen', 'fleet.col.agent': 'Link', 'fleet.col.content': 'Content',
    'fleet.col.display': 'Display', 'fleet.col.lastSeen': 'Last seen', 'fleet.col.item': 'Playing',
    'fleet.col.version': 'Version', 'fleet.col.disk': 'Free disk',
    'state.ONLINE': 'Online', 'state.OFFLINE': 'Offline', 'state.REVOKED': 'Revoked',
    'content.upToDate': 'Up to date', 'content.behind': 'Behind',
    'display.SHOWING': 'Showing', 'display.NOT_SHOWING': 'Not showing', 'display.UNKNOWN': 'Unknown',
    'screen.title': 'Screen {name}',
    'screen.cluster': 'Border gate', 'screen.location': 'Place', 'screen.languages': 'Languages',
    'screen.applied': 'Applied / published version', 'screen.agentVersion': 'Agent version',
    'screen.uptime': 'Running for', 'screen.cache': 'Cache', 'screen.language': 'Language shown',
    'screen.autonomy': 'Plays on without a link until',
    'screen.commands': 'Remote commands',
    'screen.history': 'State history',
    'screen.screenshot': 'Latest screenshot',
    'screen.noScreenshot': 'No screenshot yet.',
    'screen.noHistory': 'No changes yet.',
    'screen.noCommands': 'No commands sent yet.',
    'screen.sent': 'Sent {kind}.',
    'cmd.SCREENSHOT': 'Screenshot', 'cmd.RELOAD': 'Reload page', 'cmd.RESTART': 'Restart',
    'cmd.IDENTIFY': 'Identify', 'cmd.CLEAR_CACHE': 'Clear cache',
    'cmd.col.kind': 'Command', 'cmd.col.sent': 'Sent at', 'cmd.col.status': 'Result', 'cmd.col.detail': 'Detail',
    'cmdStatus.PENDING': 'Pending', 'cmdStatus.DONE': 'Done', 'cmdStatus.FAILED': 'Failed', 'cmdStatus.EXPIRED': 'Expired',
    'aspect.AGENT': 'Link', 'aspect.CONTENT': 'Content', 'aspect.DISPLAY': 'Display',
    'history.col.at': 'At', 'history.col.aspect': 'Aspect', 'history.col.value': 'Value', 'history.col.detail': 'Detail',
    'value.true': 'Up to date', 'value.false': 'Behind',
    'value.UP_TO_DATE': 'Up to date', 'value.STALE': 'Behind',
    'lib.title': 'Content library',
    'lib.upload': 'Upload a file',
    'lib.file': 'File (image, video, SVG)',
    'lib.uploadButton': 'Upload',
    'lib.uploaded': 'Uploaded {name}.',
    'lib.progress': 'Upload progress',
    'lib.media': 'Uploaded files',
    'lib.noMedia': 'No files yet.',
    'lib.create': 'Create a content item',
    'lib.id': 'Item id (lower case, digits, dashes)',
    'lib.itemTitle': 'Title',
    'lib.kind': 'Kind',
    'lib.kind.media': 'File', 'lib.kind.text': 'Text',
    'lib.variant': '{language} variant',
    'lib.variantMedia': 'File for the {language} variant',
    'lib.variantText': 'Text for the {language} variant',
    'lib.seconds': 'Seconds on screen',
    'lib.noVariant': '(no such variant)',
    'lib.submit': 'Submit for review',
    'lib.submitted': 'Submitted “{title}” for review.',
    'lib.items': 'Content items',
    'lib.noItems': 'No items yet.',
    'lib.filter': 'Filter by status',
    'lib.filter.all': 'All',
    'lib.revision': 'Revision {revision} · {author}',
    'lib.reason': 'Reason: {reason}',
    'lib.reviewedBy': 'Reviewed by {who} at {time}',
    'status.PENDING': 'Awaiting review', 'status.APPROVED': 'Approved', 'status.REJECTED': 'Rejected',
    'lang.vi': 'Vietnamese', 'lang.en': 'English', 'lang.zh-Hans': 'Chinese',
    'review.title': 'Awaiting review',
    'review.empty': 'Nothing is waiting for review.',
    'review.approve': 'Approve',
    'review.reject': 'Reject',
    'review.reason': 'Reason for rejecting',
    'review.reasonNeeded': 'Give a reason for rejecting.',
    'review.approved': 'Approved “{title}”.',
    'review.rejected': 'Rejected “{title}”.',
    'review.own': 'Your own item: someone else must review it.',
    'publish.title': 'Publish',
    'publish.schedule': 'Put content on screens',
    'publish.item': 'Approved item',
    'publish.screens': 'Screens',
    'publish.add': 'Add to their playlists',
    'publish.added': 'Added “{item}” to {count} screens.',
    'publish.pickScreens': 'Choose at least one screen.',
    'publish.noApproved': 'No item is approved yet.',
    'publish.now': 'Publish now',
    'publish.nowHint': 'Sends the new schedule to every screen that changed.',
    'publish.nothing': 'Nothing changed: no screen was sent anything.',
    'publish.withheld': 'Withheld (not approved): {items}',
    'publish.rollout': 'Rollout of publish #{id}',
    'publish.counts': '{applied} applied · {pending} pending · {failed} failed / {screens} screens',
    'publish.recent': 'Recent publishes',
    'publish.col.id': 'No.', 'publish.col.by': 'Published by', 'publish.col.at': 'At', 'publish.col.counts': 'Outcome',
    'publish.col.screen': 'Screen', 'publish.col.version': 'Version', 'publish.col.status': 'Status', 'publish.col.error': 'Error',
    'publish.view': 'View #{id}',
    'rollout.PENDING': 'Pending', 'rollout.APPLIED': 'Applied', 'rollout.FAILED': 'Failed',
    'alert.title': 'Urgent alert',
    'alert.new': 'A new alert',
    'alert.intro': 'Shown at once on every screen of the chosen border gates, without review.',
    'alert.text': 'Text ({language})',
    'alert.textRequired': 'Required',
    'alert.textOptional': 'Optional',
    'alert.clusters': 'Border gates to alert',
    'alert.hours': 'Show for (hours)',
    'alert.send': 'Send the urgent alert',
    'alert.needVi': 'Write the Vietnamese text.',
    'alert.needCluster': 'Choose at least one border gate.',
    'alert.sent': 'Alert sent to {count} screens.',
    'alert.sentCluster': '{cluster}: {count} screens, version {version}',
    'alert.sentFailed': '{cluster}: error {error}',
    'alert.list': 'Alerts',
    'alert.none': 'No alerts yet.',
    'alert.clear': 'End it',
    'alert.until': 'until {time}',
    'alertStatus.ACTIVE': 'Showing', 'alertStatus.CLEARED': 'Ended', 'alertStatus.EXPIRED': 'Expired',
    'unit.bytes': '{value} {unit}',
  },
};

const LANG_KEY = 'gatecast.lang';
const listeners = new Set();

export function currentLanguage() {
  const saved = localStorage.getItem(LANG_KEY);
  return saved in DICTIONARY ? saved : 'vi';
}

export function setLanguage(lang) {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang;
  listeners.forEach((listener) => listener(lang));
}

export function onLanguageChange(listener) { listeners.add(listener); }

/** The text for `key` in the current language, with {name} placeholders filled from `params`. */
export function t(key, params = {}) {
  const text = DICTIONARY[currentLanguage()][key] ?? DICTIONARY.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A key's text, or the raw value when the dictionary has no such key (an enum we do not know yet). */
export function tOr(key, fallback) {
  const text = DICTIONARY[currentLanguage()][key];
  return text ?? fallback;
}

function locale() { return currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB'; }

/** An instant as date and time in the gate's time zone (IANA), with the zone's offset shown. */
export function formatDateTime(instant, zone) {
  if (!instant) return t('common.never');
  return new Intl.DateTimeFormat(locale(), {
    timeZone: zone || 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(new Date(instant)) + ' ' + zoneName(instant, zone);
}

export function formatTime(instant, zone) {
  return new Intl.DateTimeFormat(locale(), {timeZone: zone || 'Asia/Ho_Chi_Minh', timeStyle: 'medium'})
    .format(new Date(instant)) + ' ' + zoneName(instant, zone);
}

function zoneName(instant, zone) {
  const parts = new Intl.DateTimeFormat(locale(), {timeZone: zone || 'Asia/Ho_Chi_Minh', timeZoneName: 'short'})
    .formatToParts(new Date(instant));
  return (parts.find((p) => p.type === 'timeZoneName') || {}).value || '';
}

export function formatNumber(n) { return new Intl.NumberFormat(locale()).format(n); }

/** 54.4 → "54,4 %" (vi) or "54.4%" (en); the API gives percentages, not fractions. */
export function formatPercent(percent) {
  if (percent === null || percent === undefined) return t('common.none');
  return new Intl.NumberFormat(locale(), {style: 'percent', maximumFractionDigits: 1}).format(percent / 100);
}

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return t('common.none');
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  const shown = new Intl.NumberFormat(locale(), {maximumFractionDigits: unit === 0 ? 0 : 1}).format(value);
  return t('unit.bytes', {value: shown, unit: units[unit]});
}

export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) return t('common.none');
  const units = [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  for (const [unit, size] of units) {
    if (seconds >= size || unit === 'second') {
      return new Intl.NumberFormat(locale(), {style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0})
        .format(Math.floor(seconds / size));
    }
  }
  return '';
}

/** A language tag's name in the console's language (vi → "Tiếng Việt"). */
export function languageName(tag) {
  const known = DICTIONARY[currentLanguage()][`lang.${tag}`];
  if (known) return known;
  try {
    return new Intl.DisplayNames([locale()], {type: 'language'}).of(tag) || tag;
  } catch {
    return tag;
  }
}
