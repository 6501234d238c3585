namespace Reporting.Intake.Portal;

/// <summary>Every word the portal shows, in Simplified Chinese and in English.</summary>
internal sealed record PortalText
{
    public required string SiteName { get; init; }
    public required string OtherLanguageName { get; init; }
    public required string SkipToContent { get; init; }
    public required string HomeIntro { get; init; }
    public required string SafetyHeading { get; init; }
    public required string[] SafetyAdvice { get; init; }
    public required string SubmitLink { get; init; }
    public required string StatusLink { get; init; }
    public required string ReportHeading { get; init; }
    public required string ReportIntro { get; init; }
    public required string AccusedHeading { get; init; }
    public required string AccusedHint { get; init; }
    public required string AccusedPerson { get; init; }
    public required string Name { get; init; }
    public required string Position { get; init; }
    public required string Organization { get; init; }
    public required string Rank { get; init; }
    public required string Region { get; init; }
    public required string CategoriesHeading { get; init; }
    public required string CategoriesHint { get; init; }
    public required string Title { get; init; }
    public required string Details { get; init; }
    public required string DetailsHint { get; init; }
    public required string OccurredFrom { get; init; }
    public required string OccurredTo { get; init; }
    public required string Location { get; init; }
    public required string RealNameHeading { get; init; }
    public required string RealNameHint { get; init; }
    public required string RealNameChoice { get; init; }
    public required string Phone { get; init; }
    public required string Email { get; init; }
    public required string IdNumber { get; init; }
    public required string Address { get; init; }
    public required string Optional { get; init; }
    public required string SubmitButton { get; init; }
    public required string AddAccused { get; init; }
    public required string RemoveAccused { get; init; }
    public required string AccusedAdded { get; init; }
    public required string AccusedRemoved { get; init; }
    public required string AccusedLimit { get; init; }
    public required string ErrorSummary { get; init; }
    public required string TooSoon { get; init; }
    public required string FormExpired { get; init; }
    public required string Busy { get; init; }
    public required string Unavailable { get; init; }
    public required string ReceiptHeading { get; init; }
    public required string ReceiptIntro { get; init; }
    public required string ReceiptWarning { get; init; }
    public required string ReceiptAdvice { get; init; }
    public required string ReceivedAt { get; init; }
    public required string StatusHeading { get; init; }
    public required string ReceiptLabel { get; init; }
    public required string ReceiptHint { get; init; }
    public required string StatusButton { get; init; }
    public required string ReceiptMistyped { get; init; }
    public required string ReceiptUnknown { get; init; }
    public required string Stage { get; init; }
    public required string UpdatedAt { get; init; }
    public required string Feedback { get; init; }
    public required string MessagesHeading { get; init; }
    public required string NoMessages { get; init; }
    public required string FromOffice { get; init; }
    public required string FromInformant { get; init; }
    public required string ReplyLabel { get; init; }
    public required string ReplyButton { get; init; }
    public required string MessageSent { get; init; }
    public required string MessageInvalid { get; init; }
    public required string ProtectionHeading { get; init; }
    public required string ProtectionHint { get; init; }
    public required string ProtectionLabel { get; init; }
    public required string ProtectionButton { get; init; }
    public required string ProtectionSent { get; init; }
    public required string ProtectionInvalid { get; init; }
    public required string AttachmentHeading { get; init; }
    public required string AttachmentHint { get; init; }
    public required string AttachmentLabel { get; init; }
    public required string AttachmentButton { get; init; }
    public required string AttachmentAdded { get; init; }
    public required string MetadataRemoved { get; init; }
    public required string MetadataWarning { get; init; }
    public required string AttachmentTooLarge { get; init; }
    public required string BackHome { get; init; }
    public required IReadOnlyDictionary<string, string> Stages { get; init; }
    public required IReadOnlyDictionary<string, string> Errors { get; init; }

    public static PortalText For(Language language) => language == Language.English ? English : Chinese;

    public static readonly PortalText Chinese = new()
    {
        SiteName = "网上检举控告平台",
        OtherLanguageName = "English",
        SkipToContent = "跳到正文",
        HomeIntro = "本平台受理对党组织、党员和监察对象违纪违法问题的检举控告。可以匿名提交；提交后您会得到一个收据码，凭它查询办理进度、接收反馈、补充材料，无需留下姓名或联系方式。",
        SafetyHeading = "保护好自己",
        SafetyAdvice =
        [
            "请使用 Tor 浏览器访问本平台，并将安全级别设为“最安全”；本平台不需要 JavaScript。",
            "不要使用单位的电脑、手机或网络，也不要在可能被他人查看的设备上操作。",
            "除非选择实名举报，请不要在材料中写入可能暴露您身份的细节，例如只有您知道的事情、您的职务或与您的关系。",
            "上传的照片和文档会自动去除作者、位置和时间等信息，但文件内容本身仍可能暴露您，请先自行检查。",
            "本平台不记录 IP 地址、浏览器信息或准确时间，也不使用 Cookie。",
        ],
        SubmitLink = "提交检举控告",
        StatusLink = "凭收据码查询进度",
        ReportHeading = "提交检举控告",
        ReportIntro = "带 * 的项目必须填写。内容送达后立即加密保存，只有受理部门能够解密。",
        AccusedHeading = "被检举控告人",
        AccusedHint = "至少填写一人；人数较多的，可在问题描述中补充。",
        AccusedPerson = "被检举控告人",
        Name = "姓名",
        Position = "职务",
        Organization = "工作单位",
        Rank = "职级",
        Region = "所在地区",
        CategoriesHeading = "问题类别",
        CategoriesHint = "选择 1 至 5 项。",
        Title = "标题",
        Details = "问题描述",
        DetailsHint = "请写明时间、地点、经过和涉及的人与事，至少 20 个字，最多 20000 字。",
        OccurredFrom = "问题发生时间（起）",
        OccurredTo = "问题发生时间（止）",
        Location = "发生地点",
        RealNameHeading = "实名举报",
        RealNameHint = "实名举报的身份信息单独加密保存，只有经批准的工作人员才能查看。匿名举报请不要勾选，也不要填写以下各项。",
        RealNameChoice = "我选择实名举报",
        Phone = "联系电话",
        Email = "电子邮箱",
        IdNumber = "身份证号码",
        Address = "联系地址",
        Optional = "（选填）",
        SubmitButton = "提交",
        AddAccused = "再添加一名被反映人",
        RemoveAccused = "删除",
        AccusedAdded = "已添加一栏，填写内容尚未提交。",
        AccusedRemoved = "已删除该栏，填写内容尚未提交。",
        AccusedLimit = "被检举控告人已达上限，其余的请在问题描述中补充。",
        ErrorSummary = "提交的内容有需要修改的地方：",
        TooSoon = "提交过快。为防止自动程序滥用，请稍等几秒后再次点击提交。",
        FormExpired = "页面已过期，请检查内容后再次提交。",
        Busy = "平台当前访问量过大，请稍后再试。您填写的内容仍在本页。",
        Unavailable = "平台暂时无法受理，请稍后再试。",
        ReceiptHeading = "已收到您的检举控告",
        ReceiptIntro = "这是您的收据码：",
        ReceiptWarning = "收据码是查询进度、接收反馈和补充材料的唯一凭证。我们无法找回或重发：丢失后，您将无法再查看这件事的办理情况。",
        ReceiptAdvice = "请现在把它抄在纸上并妥善保管。不要截图，不要保存在单位的设备上，不要告诉任何人。关闭本页后，它不会再显示。",
        ReceivedAt = "受理时间（精确到小时）",
        StatusHeading = "查询办理进度",
        ReceiptLabel = "收据码",
        ReceiptHint = "20 个字符，可以不输入连字符，不区分大小写。",
        StatusButton = "查询",
        ReceiptMistyped = "收据码有一个字符不对，请逐字核对后重新输入。",
        ReceiptUnknown = "没有找到与该收据码对应的检举控告，请核对后重新输入。",
        Stage = "当前状态",
        UpdatedAt = "更新时间",
        Feedback = "办理结果反馈",
        MessagesHeading = "留言",
        NoMessages = "暂无留言。",
        FromOffice = "受理部门",
        FromInformant = "您",
        ReplyLabel = "给受理部门留言",
        ReplyButton = "发送留言",
        MessageSent = "留言已发送。",
        MessageInvalid = "留言须为 1 至 20000 字，且不能含有控制字符。",
        ProtectionHeading = "请求保护",
        ProtectionHint = "如果您因举报已经受到或担心受到打击报复（例如调岗、降职、辞退、克扣待遇、威胁或骚扰），可以在此请求保护。请求会加密后送交受理部门，并提请领导关注。请写明您担心或遇到的情况；除非您愿意，不要写出能认出您的细节。",
        ProtectionLabel = "您担心或遇到的情况",
        ProtectionButton = "请求保护",
        ProtectionSent = "保护请求已送交受理部门。",
        ProtectionInvalid = "请写明您担心或遇到的情况（1 至 20000 字，不能含有控制字符）。",
        AttachmentHeading = "补充材料",
        AttachmentHint = "单个文件不超过 20 MB。照片、录音、视频和 Office 文档中的作者、拍摄设备、位置、时间等信息会在加密前去除。PDF 会去除作者、软件和时间等信息，但页面上的文字和图片会原样保留。如果页面内容本身可能暴露您的身份，请先处理后再上传。无法去除这类信息的文件不会被保存。",
        AttachmentLabel = "选择文件",
        AttachmentButton = "上传",
        AttachmentAdded = "文件已加密保存：",
        MetadataRemoved = "已去除的信息：",
        MetadataWarning = "无法识别这种文件的格式，未能去除其中可能暴露身份的信息。如有顾虑，请改为上传照片或截图。",
        AttachmentTooLarge = "文件过大或超出本件材料的总量限制。",
        BackHome = "返回首页",
        Stages = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["received"] = "已收到",
            ["accepted"] = "已受理",
            ["in-progress"] = "正在办理",
            ["concluded"] = "已办结",
            ["transferred"] = "已转办",
            ["not-accepted"] = "不予受理",
            ["filed-as-duplicate"] = "重复件，已并案",
        },
        Errors = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["required"] = "必须填写",
            ["between 1 and 20 people"] = "被检举控告人须为 1 至 20 人",
            ["between 1 and 5 categories"] = "请选择 1 至 5 个问题类别",
            ["listed twice"] = "类别重复",
            ["unknown category"] = "无此类别",
            ["in the future"] = "不能晚于今天",
            ["before occurredFrom"] = "不能早于起始时间",
            ["not a phone number"] = "电话号码格式不正确",
            ["not an email address"] = "电子邮箱格式不正确",
            ["not an identity card number"] = "身份证号码格式不正确",
            ["control characters are not allowed"] = "含有不允许的控制字符",
            ["unknown language"] = "不支持的语言",
            ["not a date"] = "日期格式应为 年-月-日",
        },
    };

    public static readonly PortalText English = new()
    {
        SiteName = "Online reporting portal",
        OtherLanguageName = "中文",
        SkipToContent = "Skip to content",
        HomeIntro = "This portal receives reports of breaches of discipline and law by Party organisations, Party members and public officials. You may report anonymously: after submitting you receive a receipt code, with which you check progress, read feedback and add material, without giving your name or contact details.",
        SafetyHeading = "Keeping yourself safe",
        SafetyAdvice =
        [
            "Use Tor Browser to reach this portal, with its security level set to \"Safest\"; the portal needs no JavaScript.",
            "Do not use your employer's computer, phone or network, nor a device someone else may look at.",
            "Unless you choose to report under your real name, leave out details that could reveal who you are, such as things only you know, your post or how you are related to the people involved.",
            "Author, location and time information is removed from uploaded photos and documents, but what a file shows can still reveal you: check it first.",
            "This portal records no IP address, no browser details and no exact time, and uses no cookies.",
        ],
        SubmitLink = "Submit a report",
        StatusLink = "Check progress with your receipt code",
        ReportHeading = "Submit a report",
        ReportIntro = "Items marked * are required. What you send is encrypted as soon as it arrives; only the office handling reports can decrypt it.",
        AccusedHeading = "People reported",
        AccusedHint = "Name at least one person; if there are more, add them in the description.",
        AccusedPerson = "Person reported",
        Name = "Name",
        Position = "Post",
        Organization = "Employer",
        Rank = "Rank",
        Region = "Region",
        CategoriesHeading = "Kind of misconduct",
        CategoriesHint = "Choose 1 to 5.",
        Title = "Title",
        Details = "Description",
        DetailsHint = "Say when, where and what happened and who was involved: at least 20 and at most 20,000 characters.",
        OccurredFrom = "Happened from",
        OccurredTo = "Happened until",
        Location = "Place",
        RealNameHeading = "Reporting under your real name",
        RealNameHint = "Your identity is encrypted separately and only approved staff can see it. To report anonymously, leave this box unticked and the fields below empty.",
        RealNameChoice = "I report under my real name",
        Phone = "Telephone",
        Email = "Email",
        IdNumber = "Identity card number",
        Address = "Address",
        Optional = " (optional)",
        SubmitButton = "Submit",
        AddAccused = "Add another person",
        RemoveAccused = "Remove",
        AccusedAdded = "A block has been added. Nothing has been sent yet.",
        AccusedRemoved = "The block has been removed. Nothing has been sent yet.",
        AccusedLimit = "That is as many people as the form takes; name any others in the description.",
        ErrorSummary = "Some of what you entered needs changing:",
        TooSoon = "That was sent too quickly. To keep automated abuse out, please wait a few seconds and press Submit again.",
        FormExpired = "This page has expired. Please check what you entered and submit again.",
        Busy = "The portal is very busy. Please try again shortly; what you entered is still on this page.",
        Unavailable = "The portal cannot accept reports at the moment. Please try again later.",
        ReceiptHeading = "Your report has been received",
        ReceiptIntro = "This is your receipt code:",
        ReceiptWarning = "The receipt code is the only key to checking progress, reading feedback and adding material. We cannot recover or resend it: if you lose it, you can no longer follow this report.",
        ReceiptAdvice = "Write it down on paper now and keep it safe. Do not take a screenshot, do not store it on a work device and do not tell anyone. Once you close this page it will not be shown again.",
        ReceivedAt = "Received (to the hour)",
        StatusHeading = "Check progress",
        ReceiptLabel = "Receipt code",
        ReceiptHint = "20 characters; hyphens and capitals are optional.",
        StatusButton = "Check",
        ReceiptMistyped = "One character of the receipt code is wrong. Please check it character by character and enter it again.",
        ReceiptUnknown = "No report matches this receipt code. Please check it and enter it again.",
        Stage = "Stage",
        UpdatedAt = "Updated",
        Feedback = "Outcome",
        MessagesHeading = "Messages",
        NoMessages = "No messages yet.",
        FromOffice = "The office",
        FromInformant = "You",
        ReplyLabel = "Message to the office",
        ReplyButton = "Send message",
        MessageSent = "Your message has been sent.",
        MessageInvalid = "A message must be 1 to 20,000 characters, without control characters.",
        ProtectionHeading = "Ask for protection",
        ProtectionHint = "If you have suffered or fear retaliation for reporting (for example a transfer, demotion, dismissal, cut pay or benefits, threats or harassment), you can ask for protection here. Your request is encrypted, sent to the office and brought to the attention of its head. Describe what you fear or what has happened; leave out details that could identify you unless you are willing to be identified.",
        ProtectionLabel = "What you fear or what has happened",
        ProtectionButton = "Ask for protection",
        ProtectionSent = "Your request for protection has been sent to the office.",
        ProtectionInvalid = "Please describe what you fear or what has happened (1 to 20,000 characters, without control characters).",
        AttachmentHeading = "Add material",
        AttachmentHint = "Up to 20 MB a file. Author, camera, location and time information is removed from photos, recordings, videos and Office documents before they are encrypted. From a PDF, the author, software and dates are removed, but the text and images on its pages are kept as they are. If what the pages show could identify you, deal with that before uploading. A file from which such information cannot be removed is not kept.",
        AttachmentLabel = "Choose a file",
        AttachmentButton = "Upload",
        AttachmentAdded = "The file was encrypted and kept:",
        MetadataRemoved = "Removed:",
        MetadataWarning = "This kind of file is not recognised, so information in it that could identify you was not removed. If in doubt, upload a photo or screenshot instead.",
        AttachmentTooLarge = "The file is too large, or this report has reached its limit for material.",
        BackHome = "Back to the start",
        Stages = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["received"] = "Received",
            ["accepted"] = "Accepted",
            ["in-progress"] = "Being handled",
            ["concluded"] = "Concluded",
            ["transferred"] = "Transferred to the competent body",
            ["not-accepted"] = "Not accepted",
            ["filed-as-duplicate"] = "Joined to an earlier report of the same matter",
        },
        Errors = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["required"] = "Required",
            ["between 1 and 20 people"] = "Name 1 to 20 people",
            ["between 1 and 5 categories"] = "Choose 1 to 5 kinds",
            ["listed twice"] = "Chosen twice",
            ["unknown category"] = "Unknown kind",
            ["in the future"] = "Cannot be later than today",
            ["before occurredFrom"] = "Cannot be before the start",
            ["not a phone number"] = "Not a telephone number",
            ["not an email address"] = "Not an email address",
            ["not an identity card number"] = "Not an identity card number",
            ["control characters are not allowed"] = "Contains control characters",
            ["unknown language"] = "Unknown language",
            ["not a date"] = "Write the date as year-month-day",
        },
    };

    /// <summary>The validator's message in this language; length limits are spelled out with their numbers.</summary>
    public string Error(string code)
    {
        if (Errors.TryGetValue(code, out var text))
            return text;
        var numbers = System.Text.RegularExpressions.Regex.Matches(code, "[0-9]+").Select(match => match.Value).ToArray();
        return (numbers.Length, this == English) switch
        {
            (2, false) => $"须为 {numbers[0]} 至 {numbers[1]} 个字",
            (1, false) => $"最多 {numbers[0]} 个字",
            (2, true) => $"Must be {numbers[0]} to {numbers[1]} characters",
            (1, true) => $"At most {numbers[0]} characters",
            _ => code,
        };
    }
}
