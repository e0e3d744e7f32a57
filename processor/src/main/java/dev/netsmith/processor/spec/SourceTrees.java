package dev.netsmith.processor.spec;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The source positions javac's {@code Messager} cannot find, read from the compiler's syntax trees
 * ({@code com.sun.source}):
 * <ul>
 *   <li>a {@code @Dense} that javac moved into the {@code @Dense.List} container it synthesizes for repeated
 *       annotations. That container has no tree, so {@code Messager} would put the diagnostic on the type; here the
 *       n-th {@code @Dense} written on the type, and the value of its attribute, are found instead;</li>
 *   <li>classes declared inside a method or initializer body. Annotation processing never sees them, so a
 *       {@code @Network} on one would be ignored in silence; here they are found, once javac has attributed them,
 *       so that it can be reported.</li>
 * </ul>
 * Where the tree API is not available (another compiler, or a processing environment wrapped by a build tool),
 * nothing is found: diagnostics fall back to {@code Messager} on the element, and local types go unreported.
 */
public final class SourceTrees {

    private final Trees trees;
    private final JavacTask task;

    private SourceTrees(Trees trees, JavacTask task) {
        this.trees = trees;
        this.task = task;
    }

    /** The trees of {@code env}'s compiler, or an instance that finds nothing when they are not available. */
    public static SourceTrees of(ProcessingEnvironment env) {
        try {
            return new SourceTrees(Trees.instance(env), JavacTask.instance(env));
        } catch (IllegalArgumentException | LinkageError e) {
            return new SourceTrees(null, null);
        }
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
     * Calls {@code action} for every class declared inside a method or initializer body and annotated with
     * {@code annotation} (a qualified name), once javac has attributed the top-level class around it (so the
     * annotation's type is resolved exactly). Nothing happens where the compiler's task API is not available, or
     * when javac stops before attribution because of other errors.
     *
     * @param failure called instead when scanning a class fails unexpectedly, with the class and the exception
     */
    public void onLocalTypesAnnotatedWith(String annotation, Consumer<LocalType> action, BiConsumer<TypeElement, RuntimeException> failure) {
        if (task == null) {
            return;
        }
        task.addTaskListener(new TaskListener() {
            @Override
            public void finished(TaskEvent event) {
                if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
                    return;
                }
                try {
                    TreePath path = trees.getPath(event.getTypeElement());
                    if (path != null) {
                        scanForLocalTypes(path, annotation, action);
                    }
                } catch (RuntimeException e) {
                    failure.accept(event.getTypeElement(), e);
                }
            }
        });
    }

    private void scanForLocalTypes(TreePath path, String annotation, Consumer<LocalType> action) {
        CompilationUnitTree unit = path.getCompilationUnit();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree node, Void unused) {
                if (isLocal(getCurrentPath()) && trees.getElement(getCurrentPath()) instanceof TypeElement type
                        && type.getAnnotationMirrors().stream().anyMatch(m -> m.getAnnotationType().asElement() instanceof TypeElement a
                                && a.getQualifiedName().contentEquals(annotation))) {
                    action.accept(new LocalType(node.getSimpleName().toString(), node, unit));
                }
                return super.visitClass(node, unused);
            }
        }.scan(path, null);
    }

    /** Prints a diagnostic on a local type's declaration. */
    public void print(Diagnostic.Kind kind, CharSequence message, LocalType at) {
        trees.printMessage(kind, message, at.tree, at.unit);
    }

    /** Whether a class declaration sits anywhere but in a file or directly in another class's body. */
    private static boolean isLocal(TreePath path) {
        for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
            if (p.getLeaf().getKind() != Tree.Kind.COMPILATION_UNIT && !(p.getLeaf() instanceof ClassTree)) {
                return true;
            }
        }
        return false;
    }
}
