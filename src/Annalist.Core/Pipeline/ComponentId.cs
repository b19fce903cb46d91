namespace Annalist.Core.Pipeline;

/// <summary>A component's name and version, written <c>name.vN</c> (<c>tokens.v1</c>, <c>ner.perceptron.v2</c>).</summary>
public readonly record struct ComponentId
{
    public ComponentId(string name, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Name = name;
        Version = version;
    }

    public string Name { get; }

    public int Version { get; }

    public override string ToString() => $"{Name}.v{Version}";
}
