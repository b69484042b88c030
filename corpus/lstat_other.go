//go:build !linux

package corpus

import (
	"io/fs"
	"os"
)

// lstatIn stats the files of folder with os.Root.Lstat.
func lstatIn(folder *os.Root, _ *os.File) lstater {
	return func(name string) (fs.FileMode, Stamp, error) {
		fi, err := folder.Lstat(name)
		if err != nil {
			return 0, Stamp{}, err
		}
		return fi.Mode().Type(), stampOf(fi), nil
	}
}
