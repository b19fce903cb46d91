using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Annalist.Web.Security;

/// <summary>
/// Keeps the anti-forgery keys in memory for the life of the process. Without it ASP.NET Core's key manager writes a key
/// file into the user's home folder (<c>~/.aspnet/DataProtection-Keys</c>) at start-up, and warns that it is unencrypted.
/// </summary>
internal sealed class ProcessKeyRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];
    private readonly Lock _lock = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_lock) return [.. _elements.Select(element => new XElement(element))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_lock) _elements.Add(new XElement(element));
    }
}
