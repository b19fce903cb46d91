using Annalist.Core.Errors;

namespace Annalist.Core.Pipeline;

/// <summary>
/// Collects components and freezes them into an <see cref="AnalysisPipeline"/>. Order of addition does
/// not matter: <see cref="Build"/> orders components by what they require, keeping the order of
/// addition among independent ones (a component comes after the producers of its optional inputs too, when
/// there are any), and rejects missing layers, two producers of a layer and cycles.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<Annotator> _components = [];

    public PipelineBuilder Add(Annotator component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _components.Add(component);
        return this;
    }

    public PipelineBuilder AddRange(IEnumerable<Annotator> components)
    {
        foreach (var component in components) Add(component);
        return this;
    }

    /// <summary>Removes every component producing <paramref name="layer"/>; for pipelines that stop early.</summary>
    public PipelineBuilder RemoveProducerOf(string layer)
    {
        _components.RemoveAll(c => c.Produces.Contains(layer));
        return this;
    }

    /// <exception cref="AnnalistException">The components do not form a valid graph.</exception>
    public AnalysisPipeline Build()
    {
        var producers = new Dictionary<string, Annotator>(StringComparer.Ordinal);
        foreach (var component in _components)
        {
            foreach (var layer in component.Produces)
            {
                if (producers.TryGetValue(layer, out var other))
                    throw new AnnalistException(ErrorCatalogue.DuplicateProducer, layer, other.Id, component.Id);
                producers[layer] = component;
            }
        }
        foreach (var component in _components)
        {
            foreach (var layer in component.Requires)
            {
                if (!producers.ContainsKey(layer))
                    throw new AnnalistException(ErrorCatalogue.MissingRequirement, component.Id, layer);
            }
        }

        var ordered = new List<Annotator>(_components.Count);
        var state = new Dictionary<Annotator, int>(); // 1 visiting, 2 done
        var path = new Stack<Annotator>();
        foreach (var component in _components) Visit(component);
        return new AnalysisPipeline(ordered);

        void Visit(Annotator component)
        {
            state.TryGetValue(component, out int mark);
            if (mark == 2) return;
            if (mark == 1)
            {
                var cycle = path.Reverse().SkipWhile(c => c != component).Append(component).Select(c => c.Id.ToString());
                throw new AnnalistException(ErrorCatalogue.DependencyCycle, string.Join(" → ", cycle));
            }
            state[component] = 1;
            path.Push(component);
            foreach (var layer in component.Requires) Visit(producers[layer]);
            foreach (var layer in component.OptionalRequires)
            {
                if (producers.TryGetValue(layer, out var producer) && producer != component) Visit(producer);
            }
            path.Pop();
            state[component] = 2;
            ordered.Add(component);
        }
    }
}
