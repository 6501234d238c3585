namespace Reporting.EventStore.Projections;

/// <summary>The document writes open to a projection and to a session.</summary>
public interface IDocumentOperations
{
    void Store<T>(T document) where T : class;

    void Delete<T>(T document) where T : class;

    void Delete<T>(Guid id) where T : class;

    void Delete<T>(string id) where T : class;
}
