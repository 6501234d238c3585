using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Reporting.Intake.Attachments.Adding.Metadata;

/// <summary>
/// Removes from an Office Open XML file (docx, xlsx, pptx) what names people and pins times: the document properties
/// (author, last modified by, revision, created, modified, last printed; company, manager, total editing time), the
/// authors of comments and tracked changes, Word's revision-session ids, and the times of the ZIP entries. The
/// content itself is copied unchanged.
/// </summary>
public static class OfficeMetadata
{
    private static readonly XNamespace CoreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace DublinCoreTerms = "http://purl.org/dc/terms/";
    private static readonly XNamespace ExtendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    private static readonly XNamespace Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace Word2012 = "http://schemas.microsoft.com/office/word/2012/wordml";

    private static readonly (XName Name, string Label)[] CoreFields =
    [
        (DublinCore + "creator", "author"),
        (CoreProperties + "lastModifiedBy", "last modified by"),
        (CoreProperties + "revision", "revision number"),
        (CoreProperties + "lastPrinted", "last printed time"),
        (DublinCoreTerms + "created", "created time"),
        (DublinCoreTerms + "modified", "modified time"),
    ];

    private static readonly (XName Name, string Label)[] AppFields =
    [
        (ExtendedProperties + "Company", "company"),
        (ExtendedProperties + "Manager", "manager"),
        (ExtendedProperties + "TotalTime", "total editing time"),
    ];

    /// <summary>Times every ZIP entry gets: the earliest a ZIP can say, the same for every file.</summary>
    private static readonly DateTimeOffset NeutralEntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The cleaned file and what was removed, or null when it is not a ZIP this can read.</summary>
    public static CleanedFile? Remove(byte[] file)
    {
        try
        {
            return RemoveFromArchive(file);
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException)
        {
            return null;
        }
    }

    private static CleanedFile RemoveFromArchive(byte[] file)
    {
        var removed = new List<string>();
        var output = new MemoryStream(file.Length);
        using (var source = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = NeutralEntryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                var cleaner = CleanerFor(entry.FullName);
                if (cleaner is null)
                {
                    from.CopyTo(to);
                    continue;
                }
                var document = XDocument.Load(from, LoadOptions.PreserveWhitespace);
                cleaner(document, removed);
                document.Save(to, SaveOptions.DisableFormatting);
            }
        }
        removed.Add("file times in the archive");
        return new CleanedFile(output.ToArray(), removed.Distinct(StringComparer.Ordinal).ToArray());
    }

    private static Action<XDocument, List<string>>? CleanerFor(string part) => part switch
    {
        "docProps/core.xml" => (document, removed) => RemoveElements(document, CoreFields, removed),
        "docProps/app.xml" => (document, removed) => RemoveElements(document, AppFields, removed),
        "word/settings.xml" => RemoveRevisionSessionIds,
        _ when part.StartsWith("word/", StringComparison.Ordinal) && part.EndsWith(".xml", StringComparison.Ordinal) => BlankAuthors,
        _ => null,
    };

    private static void RemoveElements(XDocument document, (XName Name, string Label)[] fields, List<string> removed)
    {
        foreach (var (name, label) in fields)
        {
            var found = document.Descendants(name).ToArray();
            if (found.Length == 0)
                continue;
            foreach (var element in found)
                element.Remove();
            removed.Add(label);
        }
    }

    /// <summary>Comments, tracked insertions and deletions, and the people list name their authors.</summary>
    private static void BlankAuthors(XDocument document, List<string> removed)
    {
        var authors = document.Descendants().Attributes()
            .Where(attribute => attribute.Name == Word + "author" || attribute.Name == Word + "initials" || attribute.Name == Word2012 + "author")
            .ToArray();
        if (authors.Length > 0)
        {
            foreach (var attribute in authors)
                attribute.Value = "";
            removed.Add("comment and tracked-change authors");
        }
        var presence = document.Descendants(Word2012 + "presenceInfo").ToArray();
        if (presence.Length > 0)
        {
            foreach (var element in presence)
                element.Remove();
            removed.Add("author account ids");
        }
    }

    /// <summary>Revision-session ids link a file to the other files edited in the same sessions.</summary>
    private static void RemoveRevisionSessionIds(XDocument document, List<string> removed)
    {
        var ids = document.Descendants(Word + "rsids").ToArray();
        if (ids.Length == 0)
            return;
        foreach (var element in ids)
            element.Remove();
        removed.Add("revision session ids");
    }
}
