package news.gazette.story;

import com.vladsch.flexmark.parser.PostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.dependency.FirstDependent;
import java.util.Set;

/**
 * Refuses a parsed body whose emphasis, strikethrough or links nest too deep, before flexmark's post-processors walk
 * the tree.
 *
 * <p>{@link MarkdownLimits} bounds quotes and lists from the text, but inline nesting is only known after the inline
 * parse, which builds it without recursing. What comes after does not scale with it: the autolink post-processor
 * looks up every text node's ancestors, so {@code "_a *"} 25,000 times then {@code "* a_"} as often took 53 s, and
 * the classifier before it and the HTML renderer after it recurse once per level. This check walks the tree without
 * recursing and runs first, as a document post-processor that every other one depends on.
 */
final class InlineNestingCheck extends DocumentPostProcessorFactory {

    /** Real stories nest emphasis and links three or four levels at most. */
    static final int MAX_INLINE_NESTING = 16;

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return Set.of(FirstDependent.class);
    }

    @Override
    public PostProcessor apply(Document document) {
        return new DocumentPostProcessor() {
            @Override
            public Document processDocument(Document document) {
                Node deepest = deepestInline(document, MAX_INLINE_NESTING);
                if (deepest != null) {
                    int line = document.getLineNumber(deepest.getStartOffset()) + 1;
                    throw MarkdownTooComplexException.inlineNesting(MAX_INLINE_NESTING, line);
                }
                return document;
            }
        };
    }

    /** The first node nested more than {@code limit} inline nodes deep, or null if there is none. */
    static Node deepestInline(Node root, int limit) {
        int parentDepth = 0; // inline nodes from the nearest block down to the current node's parent
        Node node = root.getFirstChild();
        while (node != null) {
            int depth = parentDepth + (node instanceof Block ? 0 : 1);
            if (depth > limit) {
                return node;
            }
            if (node.getFirstChild() != null) {
                parentDepth = depth;
                node = node.getFirstChild();
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                if (node != root && !(node instanceof Block)) {
                    parentDepth--;
                }
            }
            node = node == root ? null : node.getNext();
        }
        return null;
    }
}
