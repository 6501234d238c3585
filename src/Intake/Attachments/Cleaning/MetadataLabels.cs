namespace Reporting.Intake.Attachments.Cleaning;

/// <summary>
/// mat2's field names (from exiftool, poppler, mutagen, the office parsers) said in plain words, Chinese first, for
/// the informant: what was found and removed. A field not listed here is named as it is, after a generic label.
/// </summary>
public static class MetadataLabels
{
    public const string Author = "作者 / Author";
    public const string Camera = "拍摄设备 / Camera";
    public const string Gps = "GPS 位置 / GPS position";
    public const string Software = "软件 / Software";
    public const string Created = "创建时间 / Creation date";
    public const string Modified = "修改时间 / Modification date";
    public const string Title = "标题和说明 / Title and description";
    public const string Comment = "备注 / Comments";
    public const string Revisions = "修订记录 / Revision history";
    public const string FileTimes = "文件内的时间 / Times inside the file";
    public const string Technical = "格式信息 / Format details";
    public const string Thumbnail = "缩略图 / Thumbnail";

    /// <summary>ID3 frames as mutagen names them (MP3, WAV): four letters that name nothing in words.</summary>
    private static readonly Dictionary<string, string> Id3Frames = new(StringComparer.Ordinal)
    {
        ["TPE1"] = Author, ["TPE2"] = Author, ["TPE3"] = Author, ["TCOM"] = Author, ["TEXT"] = Author, ["TOPE"] = Author, ["TOWN"] = Author,
        ["TSSE"] = Software, ["TENC"] = Software,
        ["TDRC"] = Created, ["TYER"] = Created, ["TDAT"] = Created, ["TDEN"] = Created, ["TORY"] = Created,
        ["TIT1"] = Title, ["TIT2"] = Title, ["TIT3"] = Title, ["TALB"] = Title,
        ["COMM"] = Comment, ["APIC"] = Thumbnail, ["PRIV"] = Other("PRIV"), ["GEOB"] = Other("GEOB"),
    };

    private static readonly (string Fragment, string Label)[] ByFragment =
    [
        ("gps", Gps), ("location", Gps),
        ("author", Author), ("creator", Author), ("artist", Author), ("owner", Author), ("lastmodifiedby", Author),
        ("byline", Author), ("copyright", Author), ("company", Author), ("manager", Author), ("initialcreator", Author),
        ("make", Camera), ("model", Camera), ("lens", Camera), ("serialnumber", Camera), ("device", Camera), ("camera", Camera),
        ("software", Software), ("compressorname", Software), ("producer", Software), ("application", Software), ("generator", Software), ("encoder", Software), ("tool", Software),
        ("creat", Created), ("original", Created), ("digitized", Created),
        ("modif", Modified), ("date", Modified), ("time", Modified),
        ("title", Title), ("subject", Title), ("description", Title), ("keyword", Title), ("caption", Title),
        ("comment", Comment), ("note", Comment),
        ("revision", Revisions), ("editing", Revisions),
        ("thumbnail", Thumbnail), ("preview", Thumbnail),
    ];

    /// <summary>Fields that describe the encoding, not the person: still removed, but one label says so.</summary>
    private static readonly string[] TechnicalFields =
    [
        "format", "colorspace", "componentsconfiguration", "exifbyteorder", "exifversion", "flashpixversion", "ycbcrpositioning",
        "resolutionunit", "xresolution", "yresolution", "orientation", "bitspersample", "compression", "pixelaspectratio",
        "interopindex", "interopversion", "exifimagewidth", "exifimageheight", "imagewidth", "imageheight", "gamma", "pagenumber",
        "redx", "redy", "greenx", "greeny", "bluex", "bluey", "whitepointx", "whitepointy", "whitepoint", "primarychromaticities", "id3size",
    ];

    /// <summary>Parts of field names that describe a media container (exiftool's MP4 and QuickTime groups), not a person.</summary>
    private static readonly string[] TechnicalFragments = ["version", "bitrate", "buffersize", "brand", "handler", "track", "mediadata", "timescale", "graphicsmode", "pixelaspect", "rotation", "preferred", "duration"];

    public static string For(string field)
    {
        if (Id3Frames.TryGetValue(field.Split(':')[0], out var frame))
            return frame;
        var key = new string(field.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        if (key == "datetime")
            return FileTimes;
        if (TechnicalFields.Contains(key) || TechnicalFragments.Any(fragment => key.Contains(fragment, StringComparison.Ordinal)))
            return Technical;
        foreach (var (fragment, label) in ByFragment)
        {
            if (key.Contains(fragment, StringComparison.Ordinal))
                return label;
        }
        return Other(field);
    }

    private static string Other(string field) => $"其他信息 / Other: {field}";
}
