package dev.netsmith.processor.spec;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * The source positions javac's {@code Messager} cannot find, read from the compiler's syntax trees
 * ({@code com.sun.source}):
 * <ul>
 *   <li>a {@code @Dense} that javac moved into the {@code @Dense.List} container it synthesizes for repeated
 *       annotations. That container has no tree, so {@code Messager} would put the diagnostic on the type; here the
 *       n-th {@code @Dense} written on the type, and the value of its attribute, are found instead;</li>
 *   <li>classes declared inside a method or initializer body. Annotation processing never sees them, so a
 *       {@code @Network} on one would be ignored in silence; here they are found so that it can be reported.</li>
 * </ul>
 * Where the tree API is not available (another compiler, or a processing environment wrapped by a build tool),
 * nothing is found and callers fall back to {@code Messager} on the element.
 */
public final class SourceTrees {

    private final Trees trees;
    private final Elements elements;
    private final Set<CompilationUnitTree> scanned = Collections.newSetFromMap(new IdentityHashMap<>());

    private SourceTrees(Trees trees, Elements elements) {
        this.trees = trees;
        this.elements = elements;
    }

    /** The trees of {@code env}'s compiler, or an instance that finds nothing when they are not available. */
    public static SourceTrees of(ProcessingEnvironment env) {
        Trees trees;
        try {
            trees = Trees.instance(env);
        } catch (IllegalArgumentException | LinkageError e) {
            trees = null;
        }
        return new SourceTrees(trees, env.getElementUtils());
    }

    /**
     * Prints a diagnostic on the {@code position}-th (0-based) annotation of type {@code annotation} written on
     * {@code type}, on the value of {@code attribute} when it is written out, else on the annotation.
     *
     * @param container the qualified name of the annotation's container: when one is written out by hand,
     *                  {@code Messager} locates its values itself, and this method declines
     * @return whether the diagnostic was printed; when not, the caller reports it another way
     */
    public boolean printOnRepeated(Diagnostic.Kind kind, CharSequence message, Element type, String annotation,
                                   String container, int position, String attribute) {
        if (trees == null) {
            return false;
        }
        TreePath path = trees.getPath(type);
        if (path == null || !(path.getLeaf() instanceof ClassTree declaration)) {
            return false;
        }
        TreePath modifiers = new TreePath(path, declaration.getModifiers());
        List<AnnotationTree> written = new ArrayList<>();
        for (AnnotationTree tree : declaration.getModifiers().getAnnotations()) {
            Element resolved = trees.getElement(new TreePath(new TreePath(modifiers, tree), tree.getAnnotationType()));
            String name = resolved instanceof TypeElement t ? t.getQualifiedName().toString() : "";
            if (name.equals(container)) {
                return false;
            }
            if (name.equals(annotation)) {
                written.add(tree);
            }
        }
        if (position < 0 || position >= written.size()) {
            return false;
        }
        AnnotationTree tree = written.get(position);
        Tree at = tree;
        if (attribute != null) {
            for (ExpressionTree argument : tree.getArguments()) {
                if (argument instanceof AssignmentTree assignment
                        && assignment.getVariable() instanceof IdentifierTree name
                        && name.getName().contentEquals(attribute)) {
                    at = assignment.getExpression();
                }
            }
        }
        trees.printMessage(kind, message, at, path.getCompilationUnit());
        return true;
    }

    /** A class declared inside a method or initializer body, annotated with the annotation looked for. */
    public static final class LocalType {
        private final String name;
        private final Tree tree;
        private final CompilationUnitTree unit;

        private LocalType(String name, Tree tree, CompilationUnitTree unit) {
            this.name = name;
            this.tree = tree;
            this.unit = unit;
        }

        /** Its simple name. */
        public String name() {
            return name;
        }
    }

    /**
     * The classes declared inside method or initializer bodies and annotated with {@code annotation} (a
     * qualified name), in the compilation units of {@code roots} not scanned before.
     */
    public List<LocalType> localTypesAnnotatedWith(String annotation, Iterable<? extends Element> roots) {
        List<LocalType> found = new ArrayList<>();
        if (trees == null) {
            return found;
        }
        for (Element root : roots) {
            TreePath path = trees.getPath(root);
            if (path == null || !scanned.add(path.getCompilationUnit())) {
                continue;
            }
            CompilationUnitTree unit = path.getCompilationUnit();
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitClass(ClassTree node, Void unused) {
                    if (isLocal(getCurrentPath()) && node.getModifiers().getAnnotations().stream()
                            .anyMatch(a -> names(unit, a.getAnnotationType(), annotation))) {
                        found.add(new LocalType(node.getSimpleName().toString(), node, unit));
                    }
                    return super.visitClass(node, unused);
                }
            }.scan(unit, null);
        }
        return found;
    }

    /** Prints a diagnostic on a local type's declaration. */
    public void print(Diagnostic.Kind kind, CharSequence message, LocalType at) {
        trees.printMessage(kind, message, at.tree, at.unit);
    }

    /** Whether a class declaration sits anywhere but in a file or directly in another class's body. */
    private static boolean isLocal(TreePath path) {
        for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
            Tree.Kind kind = p.getLeaf().getKind();
            if (kind != Tree.Kind.COMPILATION_UNIT && !(p.getLeaf() instanceof ClassTree)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an annotation name written in {@code unit} refers to the type {@code qualified}. Bodies of methods
     * are not yet attributed while annotations are processed, so the name is resolved the way the language
     * does: single-type imports, then the file's own package, then imports on demand.
     */
    private boolean names(CompilationUnitTree unit, Tree written, String qualified) {
        String text = written.toString();
        if (text.equals(qualified)) {
            return true;
        }
        int dot = qualified.lastIndexOf('.');
        String simple = qualified.substring(dot + 1);
        String pkg = dot < 0 ? "" : qualified.substring(0, dot);
        if (!text.equals(simple)) {
            return false;
        }
        for (ImportTree importTree : unit.getImports()) {
            String imported = importTree.getQualifiedIdentifier().toString();
            if (!importTree.isStatic() && imported.endsWith("." + simple)) {
                return imported.equals(qualified);
            }
        }
        String unitPackage = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        if (unitPackage.equals(pkg)) {
            return true;
        }
        for (Tree declaration : unit.getTypeDecls()) {
            if (declaration instanceof ClassTree c && c.getSimpleName().contentEquals(simple)) {
                return false;
            }
        }
        if (elements.getTypeElement(unitPackage.isEmpty() ? simple : unitPackage + "." + simple) != null) {
            return false;
        }
        for (ImportTree importTree : unit.getImports()) {
            if (!importTree.isStatic() && importTree.getQualifiedIdentifier().toString().equals(pkg + ".*")) {
                return true;
            }
        }
        return false;
    }
}
